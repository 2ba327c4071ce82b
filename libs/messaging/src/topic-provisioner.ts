import { Kafka } from 'kafkajs';
import { waitForTopicLeaders } from './topic-leaders';
import { TopicNames } from './topic-names';

export interface NetworkTopicsOptions {
  readonly network: string;
  readonly countries: readonly string[];
  readonly partitions?: number;
  readonly replicationFactor?: number;
  /**
   * How long a dead letter is kept (DEFAULT_DEAD_LETTER_RETENTION_DAYS): it is the only copy of a message its
   * addressee could not take, until someone looks at it and redrives it, so never the broker's 7 days by default.
   */
  readonly deadLetterRetentionDays?: number;
}

/** A year: long enough for a network's secretariat and a node's operators to see and redrive what failed. */
export const DEFAULT_DEAD_LETTER_RETENTION_DAYS = 365;

const DAY_MS = 86_400_000;

/** The network's topics a provisioning found: those it created and those that were there already (left as they were). */
export interface ProvisionedTopics {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

/** Creates the network's topics when they are missing; running it again changes nothing. */
export async function provisionNetworkTopics(kafka: Kafka, options: NetworkTopicsOptions): Promise<ProvisionedTopics> {
  const partitions = options.partitions ?? 3;
  const replicationFactor = options.replicationFactor ?? 1;
  const deadLetterRetentionMs = (options.deadLetterRetentionDays ?? DEFAULT_DEAD_LETTER_RETENTION_DAYS) * DAY_MS;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [
      ...options.countries.flatMap((country) => [
        { topic: TopicNames.inbox(options.network, country), numPartitions: partitions, replicationFactor },
        {
          topic: TopicNames.deadLetter(options.network, country),
          numPartitions: 1,
          replicationFactor,
          configEntries: [{ name: 'retention.ms', value: String(deadLetterRetentionMs) }],
        },
      ]),
      {
        topic: TopicNames.directory(options.network),
        numPartitions: 1,
        replicationFactor,
        configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
      },
      { topic: TopicNames.deadlines(options.network), numPartitions: 1, replicationFactor },
      { topic: TopicNames.heartbeats(options.network), numPartitions: 1, replicationFactor },
      { topic: TopicNames.statistics(options.network), numPartitions: 1, replicationFactor },
      { topic: TopicNames.auditCheckpoints(options.network), numPartitions: 1, replicationFactor },
    ];
    const missing = wanted.filter((topic) => !existing.has(topic.topic));
    if (missing.length > 0) {
      await admin.createTopics({ topics: missing, waitForLeaders: false });
      await waitForTopicLeaders(
        admin,
        missing.map((topic) => topic.topic),
      );
    }
    return {
      created: missing.map((topic) => topic.topic),
      existing: wanted.filter((topic) => existing.has(topic.topic)).map((topic) => topic.topic),
    };
  } finally {
    await admin.disconnect();
  }
}
