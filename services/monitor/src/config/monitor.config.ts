import { kafkaSaslOf, loginBudgetsOf, type DeploymentMode, type SettingValues } from '@enlace/config';
import { oidcConfigOf, type OidcConfig } from '@enlace/auth';
import type { LoginBudgets } from '@enlace/http';
import type { KafkaSaslCredentials } from '@enlace/messaging';
import { monitorConfigSchema, monitorSettings } from './monitor.settings';

/** Everything the monitor reads from its environment (monitor.settings.ts), checked once at start. */
export interface MonitorConfig {
  /** ENLACE_ENV: production refuses the development-only settings (monitor.settings.ts). */
  readonly mode: DeploymentMode;
  readonly network: string;
  readonly httpPort: number;
  readonly httpHost: string;
  readonly kafkaBrokers: string[];
  /** The monitor's credentials on the broker (KAFKA_SASL_*); absent for a broker without authentication. */
  readonly kafkaSasl?: KafkaSaslCredentials;
  /** The monitor's own database (DATABASE_URL), never a node's: statistics, traces, dead letters, its audit log. */
  readonly databaseUrl: string;
  /**
   * Connections the monitor may hold (ENLACE_DATABASE_MAX_CONNECTIONS, 10 by default): it shares its server with
   * the nodes of the demo network, and reads at most three partitions at once.
   */
  readonly databaseMaxConnections: number;
  /**
   * Signing secret of the monitor's built-in development token issuer; absent when the secretariat's identity
   * provider issues the tokens.
   */
  readonly jwtSecret?: string;
  readonly tokenTtlSeconds: number;
  /** The development issuer's users; absent when the secretariat's identity provider issues the tokens. */
  readonly usersFile?: string;
  /** The secretariat's identity provider (ENLACE_OIDC_*): set, only its tokens count and the built-in issuer is off. */
  readonly oidc?: OidcConfig;
  /**
   * ENLACE_TRUST_ANCHORS_FILE: member keys from the signed directory topic, as the nodes take them. Without it,
   * ENLACE_DIRECTORY_FILE: a fixed directory file (development). The monitor checks every signature against them.
   */
  readonly trustAnchorsFile?: string;
  readonly directoryFile?: string;
  readonly bodyLimit: string;
  /** Sign-in attempts allowed per user, per client address and in all, in each window. */
  readonly loginBudgets: LoginBudgets;
  /** Proxies whose X-Forwarded-For names the client (ENLACE_TRUSTED_PROXIES); false: none. */
  readonly trustedProxies: string[] | false;
}

export const MONITOR_CONFIG = Symbol('MONITOR_CONFIG');

/** The monitor's settings from `env`, or a ConfigurationError naming every problem at once. */
export function readMonitorConfig(env: NodeJS.ProcessEnv = process.env): MonitorConfig {
  return monitorConfigOf(monitorConfigSchema.read(env));
}

function monitorConfigOf(settings: SettingValues<typeof monitorSettings>): MonitorConfig {
  const kafkaSasl = kafkaSaslOf(settings);
  const jwtSecret = settings.ENLACE_JWT_SECRET;
  const usersFile = settings.ENLACE_USERS_FILE;
  const oidc = oidcConfigOf(settings);
  return {
    mode: settings.ENLACE_ENV,
    network: settings.ENLACE_NETWORK,
    httpPort: settings.ENLACE_HTTP_PORT,
    httpHost: settings.ENLACE_HTTP_HOST,
    kafkaBrokers: settings.KAFKA_BROKERS,
    ...(kafkaSasl !== undefined && { kafkaSasl }),
    databaseUrl: settings.DATABASE_URL,
    databaseMaxConnections: settings.ENLACE_DATABASE_MAX_CONNECTIONS,
    ...(jwtSecret !== undefined && { jwtSecret }),
    tokenTtlSeconds: settings.ENLACE_TOKEN_TTL_SECONDS,
    ...(usersFile !== undefined && { usersFile }),
    ...(oidc !== undefined && { oidc }),
    ...(settings.ENLACE_TRUST_ANCHORS_FILE !== undefined
      ? { trustAnchorsFile: settings.ENLACE_TRUST_ANCHORS_FILE }
      : { directoryFile: settings.ENLACE_DIRECTORY_FILE }),
    bodyLimit: settings.ENLACE_HTTP_BODY_LIMIT,
    loginBudgets: loginBudgetsOf(settings),
    trustedProxies: settings.ENLACE_TRUSTED_PROXIES ?? false,
  };
}
