import { Kafka, logLevel as KafkaLogLevel, LogEntry } from 'kafkajs';

export interface KafkaClientOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
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
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
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
