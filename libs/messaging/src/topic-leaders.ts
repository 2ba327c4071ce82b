import type { Admin } from 'kafkajs';

/**
 * Waits until every partition of the topics has a leader that the cluster tells of. kafkajs' own `waitForLeaders`
 * asks one broker and gives up when that broker does not host the new topic yet, which a cluster of several brokers
 * answers for a moment after the topic is created.
 */
export async function waitForTopicLeaders(
  admin: Admin,
  topics: readonly string[],
  { timeoutMs = 30_000, intervalMs = 100 } = {},
): Promise<void> {
  if (topics.length === 0) return;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
      const leaderless = metadata.topics.filter(
        (topic) => topic.partitions.length === 0 || topic.partitions.some((partition) => partition.leader < 0),
      );
      if (leaderless.length === 0) return;
      last = `no leader yet for ${leaderless.map((topic) => topic.name).join(', ')}`;
    } catch (error) {
      // while a topic is new, brokers other than the one that created it may not know it yet (kafkajs retries, then
      // gives up with UNKNOWN_TOPIC_OR_PARTITION); asked again until the deadline
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`the new topics have no leaders after ${timeoutMs} ms (${last})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
