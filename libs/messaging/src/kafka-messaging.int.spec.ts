import { testInfra, uniqueName, eventually } from '@enlace/testing';
import { ConfigResourceTypes, Kafka } from 'kafkajs';
import { DeadLetterHeaders, DeadLetterPublisher } from './dead-letter.publisher';
import { createKafkaClient, parseBrokerList } from './kafka-client.factory';
import { KafkaEnvelopePublisher } from './kafka-envelope-publisher';
import { COMMIT_NOW, KafkaInboxConsumer } from './kafka-inbox-consumer';
import { InboundRecord } from './kafka-record.types';
import { TopicNames } from './topic-names';
import { provisionNetworkTopics } from './topic-provisioner';

describe('Kafka messaging (on the real broker)', () => {
  const network = uniqueName('int');
  let kafka: Kafka;
  let publisher: KafkaEnvelopePublisher;

  beforeAll(async () => {
    kafka = createKafkaClient({ brokers: parseBrokerList(testInfra().kafkaBrokers), clientId: 'int-test' });
    publisher = new KafkaEnvelopePublisher(kafka);
    await provisionNetworkTopics(kafka, { network, countries: ['CO', 'EC'] });
  }, 60_000);

  afterAll(async () => {
    await publisher?.disconnect();
  });

  describe('provisionNetworkTopics', () => {
    it('should create inboxes, dead letters and a compacted directory, and change nothing when run again', async () => {
      await provisionNetworkTopics(kafka, { network, countries: ['CO', 'EC'] });
      const admin = kafka.admin();
      await admin.connect();
      try {
        const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`enlace.${network}.`)).sort();
        expect(topics).toEqual(
          [
            TopicNames.deadLetter(network, 'CO'),
            TopicNames.deadLetter(network, 'EC'),
            TopicNames.directory(network),
            TopicNames.deadlines(network),
            TopicNames.heartbeats(network),
            TopicNames.statistics(network),
            TopicNames.auditCheckpoints(network),
            TopicNames.inbox(network, 'CO'),
            TopicNames.inbox(network, 'EC'),
          ].sort(),
        );
        const configs = await admin.describeConfigs({
          includeSynonyms: false,
          resources: [
            { type: ConfigResourceTypes.TOPIC, name: TopicNames.directory(network), configNames: ['cleanup.policy'] },
          ],
        });
        expect(configs.resources[0]?.configEntries[0]?.configValue).toBe('compact');
      } finally {
        await admin.disconnect();
      }
    });

    it("should keep dead letters a year by default, not the broker's seven days, and as long as told", async () => {
      const told = `${network}-retention`;
      await provisionNetworkTopics(kafka, { network: told, countries: ['CO'], deadLetterRetentionDays: 30 });
      const admin = kafka.admin();
      await admin.connect();
      try {
        const retentionOf = async (topic: string) =>
          (
            await admin.describeConfigs({
              includeSynonyms: false,
              resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }],
            })
          ).resources[0]?.configEntries[0]?.configValue;

        expect(await retentionOf(TopicNames.deadLetter(network, 'CO'))).toBe(String(365 * 86_400_000));
        expect(await retentionOf(TopicNames.deadLetter(told, 'CO'))).toBe(String(30 * 86_400_000));
      } finally {
        await admin.disconnect();
      }
    });
  });

  describe('KafkaInboxConsumer', () => {
    it('should deliver one case in order and give a record back until its handler succeeds', async () => {
      const topic = TopicNames.inbox(network, 'EC');
      await publisher.publish(
        topic,
        ['first', 'second', 'third'].map((value) => ({ key: 'case-1', value })),
      );
      const seen: string[] = [];
      let failuresLeft = 1;
      const consumer = new KafkaInboxConsumer(kafka, { groupId: uniqueName('int-group'), topic });
      await consumer.start(async (record: InboundRecord) => {
        const value = record.value?.toString() ?? '';
        seen.push(value);
        if (value === 'second' && failuresLeft-- > 0) throw new Error('database away for a moment');
      });
      try {
        await eventually(async () => (seen.filter((value) => value === 'third').length > 0 ? true : undefined), {
          timeoutMs: 30_000,
          what: 'the third record',
        });
      } finally {
        await consumer.stop();
      }
      // The failed record came back (an earlier one may come back too, since it is redelivered from the last commit).
      expect(seen.filter((value) => value === 'second').length).toBeGreaterThanOrEqual(2);
      expect([...new Set(seen)]).toEqual(['first', 'second', 'third']);
      expect(seen.lastIndexOf('second')).toBeLessThan(seen.indexOf('third'));
    }, 45_000);

    it('should commit, with a commit interval, only what its handler finished, and all of it by the interval', async () => {
      const topic = TopicNames.inbox(network, 'EC');
      const groupId = uniqueName('int-deferred');
      const admin = kafka.admin();
      await admin.connect();
      const committed = async () =>
        (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]?.partitions.reduce(
          (sum, partition) => sum + Math.max(0, Number(partition.offset)),
          0,
        ) ?? 0;
      const end = async () => (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
      const handled: string[] = [];
      let failuresLeft = 1;
      const consumer = new KafkaInboxConsumer(kafka, { groupId, topic, commitIntervalMs: 300 });
      try {
        await publisher.publish(
          topic,
          ['a', 'b', 'c', 'd'].map((value) => ({ key: `case-${value}`, value: `deferred-${value}` })),
        );
        const total = await end();
        await consumer.startBatches(async (records) => {
          if (failuresLeft-- > 0) throw new Error('database away for a moment');
          handled.push(...records.map((record) => record.value?.toString() ?? ''));
        });
        await eventually(async () => ((await committed()) === total ? true : undefined), {
          timeoutMs: 30_000,
          what: 'every offset committed',
        });
        expect(handled.filter((value) => value.startsWith('deferred-')).sort()).toEqual(
          expect.arrayContaining(['deferred-a', 'deferred-b', 'deferred-c', 'deferred-d']),
        );
      } finally {
        await consumer.stop();
        await admin.disconnect();
      }
    }, 45_000);

    it('should commit at once, whatever its commit interval, a batch whose handler asks for it', async () => {
      const topic = TopicNames.inbox(network, 'EC');
      const groupId = uniqueName('int-commit-now');
      const admin = kafka.admin();
      await admin.connect();
      const committed = async () =>
        (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]?.partitions.reduce(
          (sum, partition) => sum + Math.max(0, Number(partition.offset)),
          0,
        ) ?? 0;
      // An hour: only the handler's word can make it commit within the test.
      const consumer = new KafkaInboxConsumer(kafka, { groupId, topic, commitIntervalMs: 3_600_000 });
      try {
        await publisher.publish(topic, [{ key: 'case-now', value: 'commit-now' }]);
        const total = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
        await consumer.startBatches(async () => COMMIT_NOW);
        await eventually(async () => ((await committed()) === total ? true : undefined), {
          timeoutMs: 30_000,
          what: 'every offset committed at once',
        });
      } finally {
        await consumer.stop();
        await admin.disconnect();
      }
    }, 45_000);
  });

  describe('KafkaEnvelopePublisher and a batch handler', () => {
    it('should produce more than one request can carry, and hand it over in order, many records per call', async () => {
      const topic = TopicNames.inbox(network, 'CO');
      const values = Array.from({ length: 600 }, (_, n) => `${String(n).padStart(4, '0')}:${'x'.repeat(4096)}`);
      // 2.4 MB in one call: more than the broker's 1 MB per request.
      await publisher.publish(
        topic,
        values.map((value) => ({ key: 'case-batch', value })),
      );
      const calls: string[][] = [];
      const consumer = new KafkaInboxConsumer(kafka, { groupId: uniqueName('int-batch'), topic, maxBatch: 100 });
      await consumer.startBatches(async (records) => {
        calls.push(records.map((record) => record.value?.toString().slice(0, 4) ?? ''));
      });
      try {
        await eventually(async () => (calls.flat().length >= values.length ? true : undefined), {
          timeoutMs: 30_000,
          what: 'every record',
        });
      } finally {
        await consumer.stop();
      }
      expect(calls.flat()).toEqual(values.map((value) => value.slice(0, 4)));
      expect(Math.max(...calls.map((call) => call.length))).toBe(100);
    }, 45_000);

    it('should produce records for several topics in one call, each topic in its order, beyond one request', async () => {
      const scratch = uniqueName('int-many');
      const topics = [`${scratch}-a`, `${scratch}-b`];
      const admin = kafka.admin();
      await admin.connect();
      try {
        await admin.createTopics({
          topics: topics.map((topic) => ({ topic, numPartitions: 1 })),
          waitForLeaders: true,
        });
      } finally {
        await admin.disconnect();
      }
      const values = Array.from({ length: 200 }, (_, n) => `${String(n).padStart(4, '0')}:${'x'.repeat(4096)}`);
      // 1.6 MB in one call over two topics: more than one request of MAX_REQUEST_BYTES.
      await publisher.publishAll(
        topics.map((topic) => ({ topic, records: values.map((value) => ({ key: 'case-many', value })) })),
      );
      const seen = new Map<string, string[]>(topics.map((topic) => [topic, []]));
      const consumer = new KafkaInboxConsumer(kafka, { groupId: uniqueName('int-many'), topic: new RegExp(scratch) });
      await consumer.startBatches(async (records) => {
        for (const record of records) seen.get(record.topic)?.push(record.value?.toString().slice(0, 4) ?? '');
      });
      try {
        await eventually(
          async () => ([...seen.values()].every((got) => got.length >= values.length) ? true : undefined),
          { timeoutMs: 30_000, what: 'every record of both topics' },
        );
      } finally {
        await consumer.stop();
      }
      for (const topic of topics) expect(seen.get(topic)).toEqual(values.map((value) => value.slice(0, 4)));
    }, 45_000);
  });

  describe('DeadLetterPublisher', () => {
    it('should keep the original bytes with the reason and where they came from', async () => {
      const topic = TopicNames.deadLetter(network, 'CO');
      const original: InboundRecord = {
        topic: TopicNames.inbox(network, 'CO'),
        partition: 2,
        offset: '41',
        key: Buffer.from('case-9'),
        value: Buffer.from([0, 1, 2, 255]),
        headers: {},
      };
      await new DeadLetterPublisher(publisher, topic).deadLetter(original, {
        code: 'TAMPERED',
        detail: 'bad signature',
      });

      const received: InboundRecord[] = [];
      const consumer = new KafkaInboxConsumer(kafka, { groupId: uniqueName('int-dlq'), topic });
      await consumer.start(async (record) => {
        received.push(record);
      });
      try {
        await eventually(async () => (received.length > 0 ? true : undefined), {
          timeoutMs: 30_000,
          what: 'the dead letter',
        });
      } finally {
        await consumer.stop();
      }
      const [deadLetter] = received;
      expect(deadLetter?.value?.equals(original.value as Buffer)).toBe(true);
      expect(deadLetter?.key?.toString()).toBe('case-9');
      expect(deadLetter?.headers).toMatchObject({
        [DeadLetterHeaders.reason]: 'TAMPERED',
        [DeadLetterHeaders.detail]: 'bad signature',
        [DeadLetterHeaders.originalTopic]: original.topic,
        [DeadLetterHeaders.originalPartition]: '2',
        [DeadLetterHeaders.originalOffset]: '41',
      });
    }, 45_000);
  });
});
