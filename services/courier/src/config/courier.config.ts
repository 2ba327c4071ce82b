import { nodeDatabaseName } from '@enlace/store';
import { EnvReader, NETWORK_NAME } from '@enlace/config';

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

export function readCourierConfig(env: NodeJS.ProcessEnv = process.env): CourierConfig {
  const read = new EnvReader(env);
  const country = read.country('ENLACE_COUNTRY');
  const network = read.matching('ENLACE_NETWORK', NETWORK_NAME, 'lower-case letters, digits and dashes (2-31)');
  return {
    country,
    network,
    kafkaBrokers: read.list('KAFKA_BROKERS'),
    mongodbUri: read.required('MONGODB_URI'),
    dbName: read.optional('ENLACE_DB_NAME') ?? nodeDatabaseName(network, country),
    directoryFile: read.required('ENLACE_DIRECTORY_FILE'),
    keysFile: read.required('ENLACE_KEYS_FILE'),
    relayPollMs: read.integer('ENLACE_RELAY_POLL_MS', 100, 10),
    relayBatchSize: read.integer('ENLACE_RELAY_BATCH_SIZE', 200, 1),
  };
}
