import { Kafka } from 'kafkajs';
import { TopicNames } from './topic-names';

export interface NetworkTopicsOptions {
  readonly network: string;
  readonly countries: readonly string[];
  readonly partitions?: number;
  readonly replicationFactor?: number;
}

/** Creates the network's topics when they are missing; running it again changes nothing. */
export async function provisionNetworkTopics(kafka: Kafka, options: NetworkTopicsOptions): Promise<void> {
  const partitions = options.partitions ?? 3;
  const replicationFactor = options.replicationFactor ?? 1;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [
      ...options.countries.flatMap((country) => [
        { topic: TopicNames.inbox(options.network, country), numPartitions: partitions, replicationFactor },
        { topic: TopicNames.deadLetter(options.network, country), numPartitions: 1, replicationFactor },
      ]),
      {
        topic: TopicNames.directory(options.network),
        numPartitions: 1,
        replicationFactor,
        configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
      },
      { topic: TopicNames.deadlines(options.network), numPartitions: 1, replicationFactor },
      { topic: TopicNames.heartbeats(options.network), numPartitions: 1, replicationFactor },
    ].filter((topic) => !existing.has(topic.topic));
    if (wanted.length > 0) {
      await admin.createTopics({ topics: wanted, waitForLeaders: true });
    }
  } finally {
    await admin.disconnect();
  }
}
