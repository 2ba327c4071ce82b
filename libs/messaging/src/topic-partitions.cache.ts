import type { Admin, Kafka, PartitionMetadata } from 'kafkajs';

/**
 * The partitions of the topics a producer writes to, asked of the cluster once per topic and kept (a network's
 * topics do not change their partitions while a node runs; one that did would only make a produce fail its check
 * and be sent again).
 */
export class TopicPartitionsCache {
  private admin?: Admin;
  private connected?: Promise<void>;
  private readonly known = new Map<string, PartitionMetadata[]>();

  constructor(private readonly kafka: Kafka) {}

  async partitionsOf(topics: readonly string[]): Promise<ReadonlyMap<string, PartitionMetadata[]>> {
    const missing = topics.filter((topic) => !this.known.has(topic));
    if (missing.length > 0) {
      const admin = await this.connect();
      const metadata = await admin.fetchTopicMetadata({ topics: [...new Set(missing)] });
      for (const topic of metadata.topics) {
        if (topic.partitions.length > 0) this.known.set(topic.name, topic.partitions);
      }
    }
    const partitions = new Map<string, PartitionMetadata[]>();
    for (const topic of topics) {
      const known = this.known.get(topic);
      if (!known) throw new Error(`the cluster tells no partitions of the topic ${topic}`);
      partitions.set(topic, known);
    }
    return partitions;
  }

  async disconnect(): Promise<void> {
    const admin = this.admin;
    if (!admin) return;
    this.admin = undefined;
    this.connected = undefined;
    await admin.disconnect();
  }

  private async connect(): Promise<Admin> {
    this.admin ??= this.kafka.admin();
    this.connected ??= this.admin.connect();
    try {
      await this.connected;
    } catch (error) {
      this.connected = undefined;
      throw error;
    }
    return this.admin;
  }
}
