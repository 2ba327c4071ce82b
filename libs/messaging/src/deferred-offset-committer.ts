/** A partition's next offset to read, as the group's OffsetCommit takes it. */
export interface PartitionOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Commits a consumer's offsets at most once every `intervalMs`, not once per handled batch: a stream of small
 * batches costs one OffsetCommit request (and one write to the broker's offsets topic) per interval instead of one
 * per batch. Only offsets whose records were handled are given to it, so nothing is ever committed before it is
 * done; what is done but not yet committed when the process dies is read again, and the handler is idempotent.
 */
export class DeferredOffsetCommitter {
  private pending = new Map<string, PartitionOffset>();
  private timer?: NodeJS.Timeout;
  private committing: Promise<void> = Promise.resolve();

  constructor(
    private readonly commit: (offsets: PartitionOffset[]) => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  /** Records of the partition up to `lastOffset` are done: the next to read is the one after it. */
  done(topic: string, partition: number, lastOffset: string): void {
    this.pending.set(`${topic}/${partition}`, { topic, partition, offset: (BigInt(lastOffset) + 1n).toString() });
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.intervalMs);
  }

  /**
   * Forgets what is pending, after the group rebalanced: the partitions may be another member's now, and their
   * records are read again by whoever has them.
   */
  forget(): void {
    this.pending.clear();
  }

  /** Commits what is pending now (at stop); one commit at a time, in order. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const offsets = [...this.pending.values()];
    this.pending = new Map();
    if (offsets.length === 0) return this.committing;
    this.committing = this.committing.then(() =>
      this.commit(offsets).catch((error: Error) => {
        // Not committed: the records are read again after a restart or a rebalance, and handled idempotently.
        this.onError(error);
      }),
    );
    return this.committing;
  }
}
