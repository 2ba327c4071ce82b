import { backOff } from 'exponential-backoff';
import { Consumer, Kafka } from 'kafkajs';
import { InboundRecord } from './kafka-record.types';

export type InboundRecordHandler = (record: InboundRecord) => Promise<void>;

export interface KafkaInboxConsumerOptions {
  readonly groupId: string;
  /** One topic, or a pattern of topics (matched against the topics that exist when the consumer joins). */
  readonly topic: string | RegExp;
  /** Start from the beginning when the group has no committed offset: nothing addressed to us is skipped. */
  readonly fromBeginning?: boolean;
}

/**
 * Reads one topic (or the topics of a pattern) and commits an offset only after its handler has succeeded for that record (kafkajs resolves
 * the offset when eachMessage returns). A handler that throws leaves the record uncommitted; kafkajs retries it,
 * so the handler must be idempotent and must itself dead-letter what can never succeed.
 */
export class KafkaInboxConsumer {
  private readonly consumer: Consumer;

  constructor(
    kafka: Kafka,
    private readonly options: KafkaInboxConsumerOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxWaitTimeInMs: 250,
      retry: { initialRetryTime: 300, retries: 10 },
    });
  }

  private stopped = false;
  private handler?: InboundRecordHandler;

  /**
   * Joins the group and starts consuming, retrying with exponential backoff and jitter while the broker is away
   * (a courier may start before its broker). Also starts again if kafkajs gives up after a crash.
   * Resolves once consuming, or when stopped first.
   */
  async start(handler: InboundRecordHandler, onRetry?: (error: Error, attempt: number) => void): Promise<void> {
    if (!this.handler) {
      this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart && !this.stopped) void this.start(handler, onRetry).catch(() => undefined);
      });
    }
    this.handler = handler;
    await backOff(() => (this.stopped ? Promise.resolve() : this.run()), {
      numOfAttempts: Number.MAX_SAFE_INTEGER,
      startingDelay: 500,
      timeMultiple: 2,
      maxDelay: 30_000,
      jitter: 'full',
      retry: (error: Error, attempt: number) => {
        if (this.stopped) return false;
        onRetry?.(error, attempt);
        return true;
      },
    });
  }

  private async run(): Promise<void> {
    const handler = this.handler;
    if (!handler) return;
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
        }
        await handler({ topic, partition, offset: message.offset, key: message.key, value: message.value, headers });
      },
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer.disconnect();
  }
}
