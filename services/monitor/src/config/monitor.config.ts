import {
  ConfigurationError,
  DeploymentMode,
  EnvReader,
  NETWORK_NAME,
  readDeploymentMode,
  refuseUnsafeProduction,
} from '@enlace/config';
import { readLoginBudgets, readTrustedProxies, type LoginBudgets } from '@enlace/http';
import { monitorProductionProblems } from './production-settings';

/** Everything the monitor reads from its environment, checked once at start. */
export interface MonitorConfig {
  /** ENLACE_ENV: production refuses the development-only settings (production-settings.ts), today all of them. */
  readonly mode: DeploymentMode;
  readonly network: string;
  readonly httpPort: number;
  readonly httpHost: string;
  readonly kafkaBrokers: string[];
  /** The monitor's own database (DATABASE_URL), never a node's: statistics, traces, dead letters, its audit log. */
  readonly databaseUrl: string;
  /**
   * Connections the monitor may hold (ENLACE_DATABASE_MAX_CONNECTIONS, 10 by default): it shares its server with
   * the nodes of the demo network, and reads at most three partitions at once.
   */
  readonly databaseMaxConnections: number;
  /** Signing secret of the monitor's built-in development token issuer. */
  readonly jwtSecret: string;
  readonly tokenTtlSeconds: number;
  readonly usersFile: string;
  /** The network's member directory: the monitor checks each header's signature against it. */
  readonly directoryFile: string;
  readonly bodyLimit: string;
  /** Sign-in attempts allowed per user, per client address and in all, in each window. */
  readonly loginBudgets: LoginBudgets;
  /** Proxies whose X-Forwarded-For names the client (ENLACE_TRUSTED_PROXIES); false: none. */
  readonly trustedProxies: string[] | false;
}

export const MONITOR_CONFIG = Symbol('MONITOR_CONFIG');

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;

export function readMonitorConfig(env: NodeJS.ProcessEnv = process.env): MonitorConfig {
  const read = new EnvReader(env);
  const mode = readDeploymentMode(read);
  refuseUnsafeProduction('the monitor', mode, monitorProductionProblems(read, env));
  const network = read.matching('ENLACE_NETWORK', NETWORK_NAME, 'lower-case letters, digits and dashes (2-31)');
  const jwtSecret = read.required('ENLACE_JWT_SECRET');
  if (jwtSecret.length < 32) throw new ConfigurationError('ENLACE_JWT_SECRET must be at least 32 characters');
  return {
    mode,
    network,
    httpPort: read.integer('ENLACE_HTTP_PORT', 3100, 1),
    httpHost: read.optional('ENLACE_HTTP_HOST') ?? '127.0.0.1',
    kafkaBrokers: read.list('KAFKA_BROKERS'),
    databaseUrl: read.matching('DATABASE_URL', POSTGRES_URL, 'a postgres:// URL of the monitor database'),
    databaseMaxConnections: read.integer('ENLACE_DATABASE_MAX_CONNECTIONS', 10, 2),
    jwtSecret,
    tokenTtlSeconds: read.integer('ENLACE_TOKEN_TTL_SECONDS', 3600, 60),
    usersFile: read.required('ENLACE_USERS_FILE'),
    directoryFile: read.required('ENLACE_DIRECTORY_FILE'),
    bodyLimit: read.optional('ENLACE_HTTP_BODY_LIMIT') ?? '64kb',
    loginBudgets: readLoginBudgets(read),
    trustedProxies: readTrustedProxies(read),
  };
}
