import { eventually, testInfra, uniqueName } from '@enlace/testing';
import { Kafka } from 'kafkajs';
import { ConsumptionHalt } from './consumption-halt.error';
import { createKafkaClient, parseBrokerList } from './kafka-client.factory';
import { KafkaEnvelopePublisher } from './kafka-envelope-publisher';
import { KafkaInboxConsumer, PartitionHalted } from './kafka-inbox-consumer';
import { TopicNames } from './topic-names';
import { provisionNetworkTopics } from './topic-provisioner';

/**
 * A fault of the node's own (its database, its keys) on the real broker: the partition it meets is paused and read
 * again from the same record until the fault is fixed; nothing of it is committed or skipped meanwhile, the other
 * partitions go on, and once fixed every record is taken, once, in order.
 */
describe('KafkaInboxConsumer halted by a fault of the node’s own (on the real broker)', () => {
  const network = uniqueName('int-halt');
  let kafka: Kafka;
  let publisher: KafkaEnvelopePublisher;

  beforeAll(async () => {
    kafka = createKafkaClient({ brokers: parseBrokerList(testInfra().kafkaBrokers), clientId: 'int-halt' });
    publisher = new KafkaEnvelopePublisher(kafka);
    await provisionNetworkTopics(kafka, { network, countries: ['EC'] });
  }, 60_000);

  afterAll(async () => {
    await publisher?.disconnect();
  });

  it('should pause the partition, commit and skip nothing of it while the fault lasts, and take it all once fixed', async () => {
    const topic = TopicNames.inbox(network, 'EC');
    const groupId = uniqueName('int-halt-group');
    const halted = ['halt-1', 'halt-2', 'halt-3'];
    const others = Array.from({ length: 8 }, (_, n) => `ok-${n}`);
    await publisher.publish(topic, [
      ...halted.map((value) => ({ key: 'case-halt', value })),
      ...others.map((value, n) => ({ key: `case-ok-${n}`, value })),
    ]);
    const admin = kafka.admin();
    await admin.connect();
    const committedOn = async (partition: number) =>
      Number(
        (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]?.partitions.find((p) => p.partition === partition)
          ?.offset ?? -1,
      );
    let faulty = true;
    let haltPartition: number | undefined;
    const taken: { value: string; partition: number }[] = [];
    const halts: PartitionHalted[] = [];
    const resumed: number[] = [];
    const consumer = new KafkaInboxConsumer(kafka, {
      groupId,
      topic,
      commitIntervalMs: 100,
      firstHaltMs: 200,
      maxHaltMs: 800,
      onHalt: (halt) => halts.push(halt),
      onResume: ({ partition }) => resumed.push(partition),
    });
    try {
      await consumer.startBatches(async (records) => {
        if (faulty && records.some((record) => record.value?.toString().startsWith('halt-'))) {
          haltPartition = records[0]?.partition;
          throw new ConsumptionHalt('the node database is away');
        }
        taken.push(
          ...records.map((record) => ({ value: record.value?.toString() ?? '', partition: record.partition })),
        );
      });
      // Halted again and again, from the same first record, while the fault lasts.
      await eventually(async () => (halts.length >= 4 ? true : undefined), { timeoutMs: 30_000, what: 'four halts' });
      const partition = haltPartition as number;
      expect(new Set(halts.map((halt) => `${halt.partition}@${halt.offset}`)).size).toBe(1);
      expect(halts.map((halt) => halt.times)).toEqual(halts.map((_, n) => n + 1));
      expect(consumer.haltedPartitions()).toEqual([`${topic}/${partition}`]);
      // The other partitions went on; nothing of the halted one was taken, skipped or committed.
      await eventually(
        async () => (taken.filter((record) => record.partition !== partition).length > 0 ? true : undefined),
        { timeoutMs: 30_000, what: 'the other partitions taken' },
      );
      expect(taken.filter((record) => record.partition === partition && record.value.startsWith('halt-'))).toEqual([]);
      expect(await committedOn(partition)).toBeLessThanOrEqual(Number(halts[0]?.offset));

      faulty = false;

      await eventually(async () => (taken.length === halted.length + others.length ? true : undefined), {
        timeoutMs: 30_000,
        what: 'every record taken once the fault is fixed',
      });
      expect(taken.filter((record) => record.value.startsWith('halt-')).map((record) => record.value)).toEqual(halted);
      expect(new Set(taken.map((record) => record.value)).size).toBe(taken.length);
      expect(resumed).toEqual([partition]);
      expect(consumer.haltedPartitions()).toEqual([]);
      const end = (await admin.fetchTopicOffsets(topic)).find((p) => p.partition === partition)?.high;
      await eventually(async () => ((await committedOn(partition)) === Number(end) ? true : undefined), {
        timeoutMs: 10_000,
        what: 'the halted partition committed to its end',
      });
    } finally {
      await consumer.stop();
      await admin.disconnect();
    }
  }, 90_000);
});
