import { Kafka, logLevel as KafkaLogLevel, LogEntry, SASLOptions } from 'kafkajs';
import { KafkaSaslCredentials, kafkaSaslFromEnv } from './kafka-sasl';

export interface KafkaClientOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /**
   * Who the client is to the broker. Absent: KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD / KAFKA_SASL_MECHANISM of
   * this process's environment, if set; null: no authentication.
   */
  readonly sasl?: KafkaSaslCredentials | null;
  /** Receives kafkajs' own diagnostics (never message contents: kafkajs does not log them). */
  readonly log?: (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra: Record<string, unknown>) => void;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

export function createKafkaClient(options: KafkaClientOptions): Kafka {
  const log = options.log;
  const sasl = options.sasl === undefined ? kafkaSaslFromEnv(process.env) : (options.sasl ?? undefined);
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    ...(sasl && { sasl: { ...sasl } as SASLOptions }),
    logLevel: KafkaLogLevel.WARN,
    retry: { initialRetryTime: 300, retries: 8 },
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
