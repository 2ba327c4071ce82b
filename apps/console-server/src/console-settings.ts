import * as path from 'node:path';
import { COUNTRY_CODE, ConfigurationError, EnvReader } from '@enlace/config';

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
}

/** How the console signs a country's users in with its identity provider: a public client, no secret. */
export interface ConsoleIdentityProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  /** The node API as the provider names it (RFC 8707 resource indicator), when the provider needs one. */
  readonly resource?: string;
}

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${name} must hold http(s) addresses`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigurationError(`${name} must hold http(s) addresses`);
  return url.toString().replace(/\/+$/, '');
}

/** `CC=value,CC=value` pairs of a setting; none when an optional setting is not set. */
function countryPairs(reader: EnvReader, name: string, required = true): [string, string][] {
  if (!required && reader.optional(name) === undefined) return [];
  return reader.list(name).map((entry) => {
    const [country = '', value = ''] = entry.split(/=(.*)/s, 2).map((part) => part.trim());
    if (!COUNTRY_CODE.test(country) || value === '')
      throw new ConfigurationError(`${name} must name countries as CC=url`);
    return [country, value];
  });
}

/**
 * ENLACE_CONSOLE_NODES lists the node APIs as `CO=http://127.0.0.1:18001,EC=http://127.0.0.1:18002`;
 * ENLACE_MONITOR_URL is optional; ENLACE_CONSOLE_STATIC_DIR defaults to the Vite build in dist/apps/console.
 * ENLACE_CONSOLE_OIDC lists the countries that sign in through their identity provider, as `CO=<issuer URL>`, with
 * the console's client id (ENLACE_CONSOLE_OIDC_CLIENT_ID, `enlace-console`), scope (ENLACE_CONSOLE_OIDC_SCOPE,
 * `openid profile`) and, for providers that need one, the API's resource indicator (ENLACE_CONSOLE_OIDC_RESOURCE).
 */
export function readConsoleSettings(env: NodeJS.ProcessEnv = process.env, repoRoot = process.cwd()): ConsoleSettings {
  const reader = new EnvReader(env);
  const nodes: Record<string, string> = {};
  for (const [country, url] of countryPairs(reader, 'ENLACE_CONSOLE_NODES')) {
    nodes[country] = httpUrl('ENLACE_CONSOLE_NODES', url);
  }
  const monitor = reader.optional('ENLACE_MONITOR_URL');
  const clientId = reader.optional('ENLACE_CONSOLE_OIDC_CLIENT_ID') ?? 'enlace-console';
  const scope = reader.optional('ENLACE_CONSOLE_OIDC_SCOPE') ?? 'openid profile';
  const resource = reader.optional('ENLACE_CONSOLE_OIDC_RESOURCE');
  const identityProviders: Record<string, ConsoleIdentityProvider> = {};
  for (const [country, issuer] of countryPairs(reader, 'ENLACE_CONSOLE_OIDC', false)) {
    if (nodes[country] === undefined) {
      throw new ConfigurationError(`ENLACE_CONSOLE_OIDC names ${country}, which ENLACE_CONSOLE_NODES does not`);
    }
    identityProviders[country] = {
      issuer: httpUrl('ENLACE_CONSOLE_OIDC', issuer),
      clientId,
      scope,
      ...(resource !== undefined && { resource }),
    };
  }
  return {
    host: reader.optional('ENLACE_CONSOLE_HOST') ?? '127.0.0.1',
    port: reader.integer('ENLACE_CONSOLE_PORT', 18080, 1),
    staticDir: path.resolve(repoRoot, reader.optional('ENLACE_CONSOLE_STATIC_DIR') ?? 'dist/apps/console'),
    nodes,
    ...(monitor ? { monitorUrl: httpUrl('ENLACE_MONITOR_URL', monitor) } : {}),
    identityProviders,
  };
}
