import { Kafka, logLevel as KafkaLogLevel, LogEntry, SASLOptions } from 'kafkajs';
import { KafkaSaslCredentials, kafkaSaslFromEnv } from './kafka-sasl';
import { KafkaTlsSettings, kafkaTlsConnectionOptions, kafkaTlsFromEnv } from './kafka-tls';

export interface KafkaClientOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /**
   * Who the client is to the broker. Absent: KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD / KAFKA_SASL_MECHANISM of
   * this process's environment, if set; null: no authentication.
   */
  readonly sasl?: KafkaSaslCredentials | null;
  /**
   * TLS to the broker. Absent: KAFKA_SSL / KAFKA_SSL_CA_FILE / KAFKA_SSL_CERT_FILE / KAFKA_SSL_KEY_FILE of this
   * process's environment, if KAFKA_SSL=true; null: no TLS. The broker's certificate is always verified.
   */
  readonly tls?: KafkaTlsSettings | null;
  /** How long to wait for a connection, handshakes included (kafkajs' 1 s by default; 5 s with TLS). */
  readonly connectionTimeoutMs?: number;
  /** How often a failed connection or request is tried again (8 by default, backing off from 300 ms). */
  readonly retries?: number;
  /** Receives kafkajs' own diagnostics (never message contents: kafkajs does not log them). */
  readonly log?: (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra: Record<string, unknown>) => void;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

/** A TLS handshake costs more than kafkajs' default connection timeout (1 s) allows on a loaded machine. */
const TLS_CONNECTION_TIMEOUT_MS = 5_000;

export function createKafkaClient(options: KafkaClientOptions): Kafka {
  const log = options.log;
  const sasl = options.sasl === undefined ? kafkaSaslFromEnv(process.env) : (options.sasl ?? undefined);
  const tls = options.tls === undefined ? kafkaTlsFromEnv(process.env) : (options.tls ?? undefined);
  const connectionTimeout = options.connectionTimeoutMs ?? (tls ? TLS_CONNECTION_TIMEOUT_MS : undefined);
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    ...(sasl && { sasl: { ...sasl } as SASLOptions }),
    ...(tls && { ssl: kafkaTlsConnectionOptions(tls) }),
    ...(connectionTimeout !== undefined && { connectionTimeout }),
    logLevel: KafkaLogLevel.WARN,
    retry: { initialRetryTime: 300, retries: options.retries ?? 8 },
    logCreator: () => (entry: LogEntry) => {
      if (!log) return;
      const { message, ...extra } = entry.log;
      log(LEVELS[entry.level] ?? 'info', `kafka ${entry.namespace}: ${message}`, extra);
    },
  });
}

/** Parses "host:port,host:port" as given in KAFKA_BROKERS. */
export function parseBrokerList(value: string): string[] {
  return value
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}
