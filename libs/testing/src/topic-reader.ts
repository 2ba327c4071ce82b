import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { eventually } from './eventually';

export interface TopicRecord {
  readonly key: string | null;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** Every record of `topic` so far, once there are at least `atLeast`, read by a throwaway consumer group. */
export async function readTopicRecords(
  kafka: Kafka,
  topic: string,
  atLeast: number,
  timeoutMs = 30_000,
): Promise<TopicRecord[]> {
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}` });
  const records: TopicRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
        records.push({ key: message.key?.toString() ?? null, value: message.value ?? Buffer.alloc(0), headers });
      },
    });
    await eventually(async () => (records.length >= atLeast ? true : undefined), {
      timeoutMs,
      what: `${atLeast} records on ${topic} (${records.length} so far)`,
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}
