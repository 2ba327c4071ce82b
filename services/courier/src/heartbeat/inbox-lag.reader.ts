import { Kafka } from 'kafkajs';

/**
 * How many records of a topic a consumer group has not committed yet, summed over partitions: the high watermark
 * less the committed offset (or less the low watermark where the group has committed nothing).
 */
export async function consumerLag(kafka: Kafka, groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [watermarks, committed] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchOffsets({ groupId, topics: [topic] }),
    ]);
    const committedByPartition = new Map(
      (committed[0]?.partitions ?? []).map((partition) => [partition.partition, BigInt(partition.offset)]),
    );
    let lag = 0n;
    for (const partition of watermarks) {
      const high = BigInt(partition.high);
      const done = committedByPartition.get(partition.partition) ?? -1n;
      const from = done >= 0n ? done : BigInt(partition.low);
      if (high > from) lag += high - from;
    }
    return Number(lag);
  } finally {
    await admin.disconnect();
  }
}
