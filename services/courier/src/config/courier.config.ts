import { nodeDatabaseName } from '@enlace/store';
import { COUNTRY_CODE_PATTERN, parseBrokerList } from '@enlace/messaging';

/** Everything the courier reads from its environment, checked once at start. */
export interface CourierConfig {
  readonly country: string;
  readonly network: string;
  readonly kafkaBrokers: string[];
  readonly mongodbUri: string;
  readonly dbName: string;
  /** The network's member directory (public keys); issue "Trust and security" makes it signed. */
  readonly directoryFile: string;
  /** This node's private keys: only the courier reads them. */
  readonly keysFile: string;
  readonly relayPollMs: number;
  readonly relayBatchSize: number;
}

export const COURIER_CONFIG = Symbol('COURIER_CONFIG');

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

export function readCourierConfig(env: NodeJS.ProcessEnv = process.env): CourierConfig {
  const country = required(env, 'ENLACE_COUNTRY').toUpperCase();
  if (!COUNTRY_CODE_PATTERN.test(country)) throw new Error('ENLACE_COUNTRY must be an ISO 3166 alpha-2 code');
  const network = required(env, 'ENLACE_NETWORK');
  return {
    country,
    network,
    kafkaBrokers: parseBrokerList(required(env, 'KAFKA_BROKERS')),
    mongodbUri: required(env, 'MONGODB_URI'),
    dbName: env['ENLACE_DB_NAME'] ?? nodeDatabaseName(network, country),
    directoryFile: required(env, 'ENLACE_DIRECTORY_FILE'),
    keysFile: required(env, 'ENLACE_KEYS_FILE'),
    relayPollMs: integer(env, 'ENLACE_RELAY_POLL_MS', 100),
    relayBatchSize: integer(env, 'ENLACE_RELAY_BATCH_SIZE', 200),
  };
}
