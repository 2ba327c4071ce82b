import { Consumer, Kafka } from 'kafkajs';
import { InboundRecord } from './kafka-record.types';

export type InboundRecordHandler = (record: InboundRecord) => Promise<void>;

export interface KafkaInboxConsumerOptions {
  readonly groupId: string;
  readonly topic: string;
  /** Start from the beginning when the group has no committed offset: nothing addressed to us is skipped. */
  readonly fromBeginning?: boolean;
}

/**
 * Reads one topic and commits an offset only after its handler has succeeded for that record (kafkajs resolves
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

  async start(handler: InboundRecordHandler): Promise<void> {
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
    await this.consumer.disconnect();
  }
}
