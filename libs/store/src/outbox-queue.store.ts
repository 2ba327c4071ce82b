import { backOff } from 'exponential-backoff';
import { Connection } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import type { OutboxEntry } from './outbox-entry';
import { OUTBOX_QUEUE_COLLECTION, OutboxQueueItem } from './outbox-queue-item';

/** The node API's side of the outbox pointers: one per entry it just wrote into a case (see OutboxQueueItem). */
export class OutboxQueueStore {
  constructor(private readonly connection: Connection) {}

  /**
   * Adds a pointer per entry; one already there (a retried write) stays as it is. The case is written already, so
   * a failure here must not fail the caller's change: it is retried a few times (FerretDB's SQLite answers
   * SQLITE_BUSY under write load), then left to the relay's sweep, which finds the entry in its case.
   */
  async enqueue(
    collection: string,
    caseId: string,
    entries: readonly Pick<OutboxEntry, 'envelopeId'>[],
  ): Promise<'queued' | 'left-to-the-sweep'> {
    if (entries.length === 0) return 'queued';
    const queuedAt = new Date();
    const items: OutboxQueueItem[] = entries.map((entry) => ({ _id: entry.envelopeId, collection, caseId, queuedAt }));
    try {
      await backOff(() => this.insert(items), { numOfAttempts: 5, startingDelay: 50, jitter: 'full' });
      return 'queued';
    } catch {
      return 'left-to-the-sweep';
    }
  }

  private async insert(items: OutboxQueueItem[]): Promise<void> {
    try {
      await this.connection.collection<OutboxQueueItem>(OUTBOX_QUEUE_COLLECTION).insertMany(items, { ordered: false });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
