import { randomBytes } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { round } from './bench-stats';

/**
 * The ceiling to compare with: kafkajs alone producing and consuming records of the envelope's size on the same
 * broker, for the same time, with acks from all replicas and the idempotent producer as the courier uses.
 */
export async function rawKafkaThroughput(kafka: Kafka, topic: string, recordBytes: number, seconds: number) {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();

  const value = randomBytes(recordBytes).toString('base64url').slice(0, recordBytes);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `${topic}-reader`, maxWaitTimeInMs: 100 });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  let consumed = 0;
  await consumer.run({ eachBatch: async ({ batch }) => void (consumed += batch.messages.length) });

  const started = Date.now();
  let produced = 0;
  while (Date.now() - started < seconds * 1000) {
    const messages = Array.from({ length: 100 }, (_, i) => ({ key: `case-${(produced + i) % 1000}`, value }));
    await producer.send({ topic, acks: -1, messages });
    produced += messages.length;
  }
  while (consumed < produced && Date.now() - started < (seconds + 60) * 1000)
    await new Promise((r) => setTimeout(r, 50));
  const elapsed = (Date.now() - started) / 1000;
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  return { produced, consumed, seconds: round(elapsed), perSecond: round(consumed / elapsed) };
}
