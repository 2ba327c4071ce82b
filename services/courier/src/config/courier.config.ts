import { kafkaSaslOf, type DeploymentMode, type SettingValues } from '@enlace/config';
import { kafkaTlsFromEnv, type KafkaSaslCredentials, type KafkaTlsSettings } from '@enlace/messaging';
import { courierConfigSchema, courierSettings } from './courier.settings';

/** Everything the courier reads from its environment (courier.settings.ts), checked once at start. */
export interface CourierConfig {
  /** ENLACE_ENV: production refuses the development-only settings (courier.settings.ts). */
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
  /** How often the courier tells the network's monitor that it is alive (ENLACE_HEARTBEAT_MS, 5 s by default). */
  readonly heartbeatMs: number;
  /** How often the courier anchors its audit log's head at the monitor (ENLACE_AUDIT_CHECKPOINT_MS, a minute). */
  readonly auditCheckpointMs: number;
  /**
   * The courier's own small HTTP server for /health/live, /health/ready and /metrics (ENLACE_COURIER_HTTP_PORT): off
   * when unset, since the courier serves no one else; on ENLACE_COURIER_HTTP_HOST, the loopback address unless told
   * (an orchestrator's probes and Prometheus then need the pod's address, e.g. 0.0.0.0). When the courier runs inside
   * the node's process (services/node), the node API's server answers these routes for both.
   */
  readonly opsHttpPort?: number;
  readonly opsHttpHost: string;
}

export const COURIER_CONFIG = Symbol('COURIER_CONFIG');

/** The courier's settings from `env`, or a ConfigurationError naming every problem at once. */
export function readCourierConfig(env: NodeJS.ProcessEnv = process.env): CourierConfig {
  return courierConfigOf(courierConfigSchema.read(env), env);
}

/** The configuration the courier's module uses, from its checked settings. */
export function courierConfigOf(
  settings: SettingValues<typeof courierSettings>,
  env: NodeJS.ProcessEnv = process.env,
): CourierConfig {
  const kafkaSasl = kafkaSaslOf(settings);
  // TLS to the broker, its files read and checked (libs/messaging/src/kafka-tls.ts); the schema has their names
  const kafkaTls = kafkaTlsFromEnv(env);
  const trustAnchorsFile = settings.ENLACE_TRUST_ANCHORS_FILE;
  const directoryFile = settings.ENLACE_DIRECTORY_FILE;
  return {
    mode: settings.ENLACE_ENV,
    country: settings.ENLACE_COUNTRY,
    network: settings.ENLACE_NETWORK,
    kafkaBrokers: settings.KAFKA_BROKERS,
    ...(kafkaSasl !== undefined && { kafkaSasl }),
    databaseUrl: settings.DATABASE_URL,
    databaseMaxConnections: settings.ENLACE_DATABASE_MAX_CONNECTIONS,
    // the signed directory when trust anchors are given; the file only without them
    ...(trustAnchorsFile !== undefined ? { trustAnchorsFile } : { directoryFile }),
    keysFile: settings.ENLACE_KEYS_FILE,
    caseKekFile: settings.ENLACE_CASE_KEK_FILE,
    relayPollMs: settings.ENLACE_RELAY_POLL_MS,
    relayBatchSize: settings.ENLACE_RELAY_BATCH_SIZE,
    relayGatherMs: settings.ENLACE_RELAY_GATHER_MS,
    inboxFetchMinBytes: settings.ENLACE_INBOX_FETCH_MIN_BYTES,
    inboxFetchWaitMs: settings.ENLACE_INBOX_FETCH_WAIT_MS,
    inboxCommitIntervalMs: settings.ENLACE_INBOX_COMMIT_INTERVAL_MS,
    ...(kafkaTls !== undefined && { kafkaTls }),
    heartbeatMs: settings.ENLACE_HEARTBEAT_MS,
    auditCheckpointMs: settings.ENLACE_AUDIT_CHECKPOINT_MS,
    ...(settings.ENLACE_COURIER_HTTP_PORT !== undefined && { opsHttpPort: settings.ENLACE_COURIER_HTTP_PORT }),
    opsHttpHost: settings.ENLACE_COURIER_HTTP_HOST,
  };
}
