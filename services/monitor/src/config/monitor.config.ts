import { ConfigurationError, EnvReader, NETWORK_NAME } from '@enlace/config';

/** Everything the monitor reads from its environment, checked once at start. */
export interface MonitorConfig {
  readonly network: string;
  readonly httpPort: number;
  readonly httpHost: string;
  readonly kafkaBrokers: string[];
  readonly mongodbUri: string;
  readonly dbName: string;
  /** Signing secret of the monitor's built-in development token issuer. */
  readonly jwtSecret: string;
  readonly tokenTtlSeconds: number;
  readonly usersFile: string;
  /** The network's member directory: the monitor checks each header's signature against it. */
  readonly directoryFile: string;
  readonly bodyLimit: string;
}

export const MONITOR_CONFIG = Symbol('MONITOR_CONFIG');

/** The monitor's own database, beside the nodes' `enlace_<network>_<cc>`. */
export function monitorDatabaseName(network: string): string {
  return `enlace_${network}_monitor`.replace(/[^a-zA-Z0-9_]/g, '_');
}

export function readMonitorConfig(env: NodeJS.ProcessEnv = process.env): MonitorConfig {
  const read = new EnvReader(env);
  const network = read.matching('ENLACE_NETWORK', NETWORK_NAME, 'lower-case letters, digits and dashes (2-31)');
  const jwtSecret = read.required('ENLACE_JWT_SECRET');
  if (jwtSecret.length < 32) throw new ConfigurationError('ENLACE_JWT_SECRET must be at least 32 characters');
  return {
    network,
    httpPort: read.integer('ENLACE_HTTP_PORT', 3100, 1),
    httpHost: read.optional('ENLACE_HTTP_HOST') ?? '127.0.0.1',
    kafkaBrokers: read.list('KAFKA_BROKERS'),
    mongodbUri: read.required('MONGODB_URI'),
    dbName: read.optional('ENLACE_DB_NAME') ?? monitorDatabaseName(network),
    jwtSecret,
    tokenTtlSeconds: read.integer('ENLACE_TOKEN_TTL_SECONDS', 3600, 60),
    usersFile: read.required('ENLACE_USERS_FILE'),
    directoryFile: read.required('ENLACE_DIRECTORY_FILE'),
    bodyLimit: read.optional('ENLACE_HTTP_BODY_LIMIT') ?? '64kb',
  };
}
