import { KafkaSaslCredentials, KafkaTlsSettings, kafkaSaslFromEnv, kafkaTlsFromEnv } from '@enlace/messaging';
import { DeploymentMode, EnvReader, NETWORK_NAME, readDeploymentMode, refuseUnsafeProduction } from '@enlace/config';
import { courierProductionProblems } from './production-settings';

/** Everything the courier reads from its environment, checked once at start. */
export interface CourierConfig {
  /** ENLACE_ENV: production refuses the development-only settings (production-settings.ts). */
  readonly mode: DeploymentMode;
  readonly country: string;
  readonly network: string;
  readonly kafkaBrokers: string[];
  /** This country's credentials on the broker (KAFKA_SASL_*); absent for a broker without authentication. */
  readonly kafkaSasl?: KafkaSaslCredentials;
  /** TLS to the broker (KAFKA_SSL, KAFKA_SSL_CA_FILE, KAFKA_SSL_CERT_FILE, KAFKA_SSL_KEY_FILE); absent: none. */
  readonly kafkaTls?: KafkaTlsSettings;
  /** The node's own database (DATABASE_URL), shared with node-api. */
  readonly databaseUrl: string;
  /**
   * Connections this process may hold (ENLACE_DATABASE_MAX_CONNECTIONS, 10 by default): in the demo a node's API
   * and courier share one server with four other nodes and the monitor, so each pool is kept small on purpose.
   */
  readonly databaseMaxConnections: number;
  /**
   * The network's trust anchors (public keys): members are then taken from the signed directory topic, and only
   * from entries a trust anchor signed. Without it, ENLACE_DIRECTORY_FILE: a fixed directory file (development).
   */
  readonly trustAnchorsFile?: string;
  readonly directoryFile?: string;
  /** This node's private keys: only the courier reads them. */
  readonly keysFile: string;
  /** The node's key-encryption key (ENLACE_CASE_KEK_FILE): it wraps each case's key for personal data at rest. */
  readonly caseKekFile: string;
  /**
   * How often the relay looks at the outbox when no notification woke it (ENLACE_RELAY_POLL_MS, 5 s by default): a
   * safety sweep only, since node-api's commit notifies the courier at once.
   */
  readonly relayPollMs: number;
  /** Messages claimed, sealed and produced together (ENLACE_RELAY_BATCH_SIZE). */
  readonly relayBatchSize: number;
  /**
   * How long the relay lets messages gather before a round that follows a round which found some
   * (ENLACE_RELAY_GATHER_MS): under a steady stream a round then takes several messages for the fixed cost of its
   * statements and its produce, instead of one or two; a message after a quiet spell still goes at once.
   */
  readonly relayGatherMs: number;
  /**
   * A fetch of the inbox topic waits at the broker for this many bytes (ENLACE_INBOX_FETCH_MIN_BYTES, 1) or at most
   * ENLACE_INBOX_FETCH_WAIT_MS (250). Measured on the bench: a floor of 32 KB with a 10 ms wait made an idle
   * courier fetch a hundred times a second and cost more than the bigger batches saved.
   */
  readonly inboxFetchMinBytes: number;
  readonly inboxFetchWaitMs: number;
  /**
   * How often the inbox consumer commits the offsets of what it stored and receipted (ENLACE_INBOX_COMMIT_INTERVAL_MS,
   * 200; 0 commits after every batch): a commit per batch was one more broker request for every envelope or two.
   * What was stored but not yet committed when the courier dies is read again and recognised as duplicates.
   */
  readonly inboxCommitIntervalMs: number;
}

export const COURIER_CONFIG = Symbol('COURIER_CONFIG');

export function readCourierConfig(env: NodeJS.ProcessEnv = process.env): CourierConfig {
  const read = new EnvReader(env);
  const mode = readDeploymentMode(read);
  refuseUnsafeProduction('the courier', mode, courierProductionProblems(read, env));
  const country = read.country('ENLACE_COUNTRY');
  const network = read.matching('ENLACE_NETWORK', NETWORK_NAME, 'lower-case letters, digits and dashes (2-31)');
  return {
    mode,
    country,
    network,
    kafkaBrokers: read.list('KAFKA_BROKERS'),
    ...withSasl(kafkaSaslFromEnv(env)),
    ...withTls(kafkaTlsFromEnv(env)),
    databaseUrl: read.required('DATABASE_URL'),
    databaseMaxConnections: read.integer('ENLACE_DATABASE_MAX_CONNECTIONS', 10, 2),
    ...directorySource(read),
    keysFile: read.required('ENLACE_KEYS_FILE'),
    caseKekFile: read.required('ENLACE_CASE_KEK_FILE'),
    relayPollMs: read.integer('ENLACE_RELAY_POLL_MS', 5_000, 10),
    relayBatchSize: read.integer('ENLACE_RELAY_BATCH_SIZE', 200, 1),
    relayGatherMs: read.integer('ENLACE_RELAY_GATHER_MS', 10, 0),
    inboxFetchMinBytes: read.integer('ENLACE_INBOX_FETCH_MIN_BYTES', 1, 1),
    inboxFetchWaitMs: read.integer('ENLACE_INBOX_FETCH_WAIT_MS', 250, 0),
    inboxCommitIntervalMs: read.integer('ENLACE_INBOX_COMMIT_INTERVAL_MS', 200, 0),
  };
}

function directorySource(read: EnvReader): Pick<CourierConfig, 'trustAnchorsFile' | 'directoryFile'> {
  const trustAnchorsFile = read.optional('ENLACE_TRUST_ANCHORS_FILE');
  if (trustAnchorsFile !== undefined) return { trustAnchorsFile };
  const directoryFile = read.optional('ENLACE_DIRECTORY_FILE');
  if (directoryFile !== undefined) return { directoryFile };
  return { directoryFile: read.required('ENLACE_TRUST_ANCHORS_FILE') };
}

function withSasl(kafkaSasl: KafkaSaslCredentials | undefined): Pick<CourierConfig, 'kafkaSasl'> {
  return kafkaSasl === undefined ? {} : { kafkaSasl };
}

function withTls(kafkaTls: KafkaTlsSettings | undefined): Pick<CourierConfig, 'kafkaTls'> {
  return kafkaTls === undefined ? {} : { kafkaTls };
}
