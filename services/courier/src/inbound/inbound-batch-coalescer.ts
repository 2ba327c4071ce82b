import type { InboundBatchHandler, InboundRecord } from '@enlace/messaging';

interface Waiting {
  readonly records: readonly InboundRecord[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Hands the batches that kafkajs gives at the same moment (one per partition of a fetch, consumed concurrently) to
 * the handler as one: their envelopes are then stored with one statement and receipted with one produce, instead of
 * one of each per partition. Each partition's records stay consecutive and in order. Every caller waits for the
 * whole merged call, so that none commits its offsets before its records are stored and receipted; should it fail,
 * every partition's batch fails and comes back (the handler is idempotent).
 *
 * A batch arriving while a merged call is under way waits for the next one, not for the one under way to finish:
 * batches of different partitions were never ordered among themselves.
 */
export class InboundBatchCoalescer {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly handler: InboundBatchHandler) {}

  /** The handler kafkajs calls, once per partition's batch. */
  readonly handle: InboundBatchHandler = (records) =>
    new Promise<void>((resolve, reject) => {
      this.waiting.push({ records, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // The batches of one fetch reach us in the same turn of the event loop: gather them until it ends.
      setImmediate(() => this.flush());
    });

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    const records = batch.length === 1 ? (batch[0] as Waiting).records : batch.flatMap((item) => item.records);
    this.handler(records).then(
      () => batch.forEach((item) => item.resolve()),
      (error: unknown) => batch.forEach((item) => item.reject(error)),
    );
  }
}
