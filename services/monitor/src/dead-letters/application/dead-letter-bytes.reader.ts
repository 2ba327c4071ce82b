import { randomUUID } from 'node:crypto';
import { Kafka, KafkaMessage } from 'kafkajs';

/** A record's key and value as the broker still holds them. */
export interface StoredRecordBytes {
  readonly key: Buffer | null;
  readonly value: Buffer;
}

const READ_TIMEOUT_MS = 15_000;

/**
 * Reads records back from a topic by offset, for redrive: the monitor keeps no record's bytes itself. A throwaway
 * consumer group seeks to the first wanted offset and reads until it has them all; offsets the topic no longer holds
 * (retention) are simply absent from the answer.
 */
export class DeadLetterBytesReader {
  constructor(
    private readonly kafka: Kafka,
    private readonly groupPrefix: string,
  ) {}

  async read(topic: string, partition: number, offsets: readonly string[]): Promise<Map<string, StoredRecordBytes>> {
    const found = new Map<string, StoredRecordBytes>();
    const admin = this.kafka.admin();
    await admin.connect();
    let held: string[];
    try {
      const watermarks = (await admin.fetchTopicOffsets(topic)).find((p) => p.partition === partition);
      if (!watermarks) return found;
      const low = BigInt(watermarks.low);
      const high = BigInt(watermarks.high);
      held = offsets.filter((offset) => BigInt(offset) >= low && BigInt(offset) < high);
    } finally {
      await admin.disconnect();
    }
    if (held.length === 0) return found;

    const groupId = `${this.groupPrefix}.${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
    const wanted = new Set(held);
    const first = held.reduce((min, offset) => (BigInt(offset) < BigInt(min) ? offset : min));
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const complete = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`records of ${topic} not read in time`)), READ_TIMEOUT_MS);
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ partition: at, message }: { partition: number; message: KafkaMessage }) => {
            if (at !== partition || !wanted.has(message.offset)) return;
            found.set(message.offset, { key: message.key, value: message.value ?? Buffer.alloc(0) });
            wanted.delete(message.offset);
            if (wanted.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
      consumer.seek({ topic, partition, offset: first });
      await complete;
    } finally {
      await consumer.disconnect().catch(() => undefined);
      await this.forget(groupId);
    }
    return found;
  }

  private async forget(groupId: string): Promise<void> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([groupId]);
    } catch {
      // An empty group left behind costs the broker nothing but a name.
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
