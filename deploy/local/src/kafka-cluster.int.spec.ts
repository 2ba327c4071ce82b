import {
  KafkaEnvelopePublisher,
  createKafkaClient,
  isTransientBrokerFailure,
  waitForTopicLeaders,
} from '@enlace/messaging';
import { eventually, testInfra, uniqueName } from '@enlace/testing';
import type { Kafka } from 'kafkajs';
import { startPrivateKafka, type PrivateKafka } from './private-kafka';

const infra = testInfra();
/** Only where the project's launcher runs the broker (its jars are here to start three more). */
const local = infra.kafkaSasl !== undefined && infra.kafkaLibsDir !== undefined;

(local ? describe : describe.skip)('a local cluster of three brokers (infra.ts up --brokers 3)', () => {
  jest.setTimeout(240_000);
  let cluster: PrivateKafka;
  let kafka: Kafka;

  beforeAll(async () => {
    cluster = await startPrivateKafka({
      kafkaLibsDir: infra.kafkaLibsDir as string,
      databaseUrl: infra.databaseUrl,
      brokers: 3,
    });
    kafka = createKafkaClient({
      brokers: cluster.endpoints.kafkaBrokers.split(','),
      clientId: uniqueName('cluster-spec'),
      sasl: cluster.endpoints.kafkaSasl ?? null,
      retries: 8,
    });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('should give every partition three copies and need two of them in sync for a write', async () => {
    expect(cluster.endpoints.kafkaClusterSize).toBe(3);
    expect(cluster.endpoints.kafkaBrokers.split(',')).toHaveLength(3);
    const admin = kafka.admin();
    await admin.connect();
    try {
      const topic = uniqueName('replicated');
      // no replication factor given: the brokers' default applies
      await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: false });
      await waitForTopicLeaders(admin, [topic]);
      // the broker asked may not know the new topic yet ("does not host this topic-partition"): ask again
      const { topics } = await eventually(() => admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined));
      expect(topics[0]?.partitions.map((partition) => partition.replicas.length)).toEqual([3, 3, 3]);
      // every broker knows the new topic soon, not at once
      const minInsync = await eventually(async () => {
        const { resources } = await admin.describeConfigs({
          resources: [{ type: 2, name: topic }],
          includeSynonyms: false,
        });
        return resources[0]?.configEntries.find((entry) => entry.configName === 'min.insync.replicas')?.configValue;
      });
      expect(minInsync).toBe('2');
    } finally {
      await admin.disconnect();
    }
  });

  it('should lose nothing the publisher counted as produced when one broker dies for good', async () => {
    const topic = uniqueName('survivor');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3 }], waitForLeaders: false });
    await waitForTopicLeaders(admin, [topic]);
    await admin.disconnect();
    const publisher = new KafkaEnvelopePublisher(kafka);
    // as the outbox relay does: a produce that failed, transiently, is produced again (the reader keeps one of each)
    const send = async (from: number, count: number) => {
      const records = Array.from({ length: count }, (_, i) => ({ key: String(from + i), value: String(from + i) }));
      for (let attempt = 1; ; attempt++) {
        try {
          return await publisher.publish(topic, records);
        } catch (error) {
          if (!isTransientBrokerFailure(error) || attempt === 10) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    };
    try {
      await send(0, 200);
      await cluster.kill('kafka-3');
      // two brokers left: still two copies in sync, so writes with acks from all go on
      await send(200, 200);
    } finally {
      await publisher.disconnect();
    }

    const consumer = kafka.consumer({ groupId: uniqueName('survivor-reader') });
    const seen = new Set<string>();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`read ${seen.size} of 400 records`)), 120_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            seen.add(message.value?.toString() ?? '');
            if (seen.size === 400) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    expect(seen.size).toBe(400);
  });
});
