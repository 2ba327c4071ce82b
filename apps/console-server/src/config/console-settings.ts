import * as path from 'node:path';
import { ConfigurationError } from '@enlace/config';
import { consoleServerConfigSchema } from './console-server.settings';

/** Where the console server listens, what it serves and where it forwards the browser's API calls. */
export interface ConsoleSettings {
  readonly host: string;
  readonly port: number;
  /** The built single-page application (index.html and its assets). */
  readonly staticDir: string;
  /** Each country's node API base address, e.g. { CO: 'http://127.0.0.1:18001' }. */
  readonly nodes: Readonly<Record<string, string>>;
  /** The secretariat's monitor, when the network has one. */
  readonly monitorUrl?: string;
  /**
   * Countries whose users sign in through the country's identity provider (OpenID Connect, authorization code with
   * PKCE, in the browser); the others use their node's development issuer.
   */
  readonly identityProviders: Readonly<Record<string, ConsoleIdentityProvider>>;
  /** The secretariat's identity provider, when the secretariat signs in to the monitor through it. */
  readonly monitorIdentityProvider?: ConsoleIdentityProvider;
}

/** How the console signs a country's users in with its identity provider: a public client, no secret. */
export interface ConsoleIdentityProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  /** The node API as the provider names it (RFC 8707 resource indicator), when the provider needs one. */
  readonly resource?: string;
}

/** The console server's settings (console-server.settings.ts), or a ConfigurationError naming every problem. */
export function readConsoleSettings(env: NodeJS.ProcessEnv = process.env, repoRoot = process.cwd()): ConsoleSettings {
  const settings = consoleServerConfigSchema.read(env);
  const monitorUrl = settings.ENLACE_MONITOR_URL;
  const resource = settings.ENLACE_CONSOLE_OIDC_RESOURCE;
  const identityProviders: Record<string, ConsoleIdentityProvider> = {};
  for (const [country, issuer] of Object.entries(settings.ENLACE_CONSOLE_OIDC)) {
    if (settings.ENLACE_CONSOLE_NODES[country] === undefined) {
      throw new ConfigurationError(`ENLACE_CONSOLE_OIDC names ${country}, which ENLACE_CONSOLE_NODES does not`);
    }
    identityProviders[country] = {
      issuer,
      clientId: settings.ENLACE_CONSOLE_OIDC_CLIENT_ID,
      scope: settings.ENLACE_CONSOLE_OIDC_SCOPE,
      ...(resource !== undefined && { resource }),
    };
  }
  const monitorIssuer = settings.ENLACE_CONSOLE_MONITOR_OIDC;
  const monitorResource = settings.ENLACE_CONSOLE_MONITOR_OIDC_RESOURCE;
  if (monitorIssuer !== undefined && monitorUrl === undefined) {
    throw new ConfigurationError('ENLACE_CONSOLE_MONITOR_OIDC is set, but no ENLACE_MONITOR_URL names the monitor');
  }
  const monitorIdentityProvider: ConsoleIdentityProvider | undefined =
    monitorIssuer === undefined
      ? undefined
      : {
          issuer: monitorIssuer,
          clientId: settings.ENLACE_CONSOLE_OIDC_CLIENT_ID,
          scope: settings.ENLACE_CONSOLE_OIDC_SCOPE,
          ...(monitorResource !== undefined && { resource: monitorResource }),
        };
  return {
    host: settings.ENLACE_CONSOLE_HOST,
    port: settings.ENLACE_CONSOLE_PORT,
    staticDir: path.resolve(repoRoot, settings.ENLACE_CONSOLE_STATIC_DIR),
    nodes: settings.ENLACE_CONSOLE_NODES,
    ...(monitorUrl ? { monitorUrl } : {}),
    identityProviders,
    ...(monitorIdentityProvider && { monitorIdentityProvider }),
  };
}
