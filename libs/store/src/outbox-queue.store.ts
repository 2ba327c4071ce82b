import { Connection, mongo } from 'mongoose';
import type { OutboxEntry } from './outbox-entry';
import { OUTBOX_QUEUE_COLLECTION, OutboxQueueItem } from './outbox-queue-item';

/** The node API's side of the outbox pointers: one per entry it just wrote into a case (see OutboxQueueItem). */
export class OutboxQueueStore {
  constructor(private readonly connection: Connection) {}

  /** Adds a pointer per entry; one already there (a retried write) stays as it is. */
  async enqueue(
    collection: string,
    caseId: string,
    entries: readonly Pick<OutboxEntry, 'envelopeId'>[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const queuedAt = new Date();
    const items: OutboxQueueItem[] = entries.map((entry) => ({ _id: entry.envelopeId, collection, caseId, queuedAt }));
    try {
      await this.connection.collection<OutboxQueueItem>(OUTBOX_QUEUE_COLLECTION).insertMany(items, { ordered: false });
    } catch (error) {
      if (!(error instanceof mongo.MongoBulkWriteError && error.code === 11000)) throw error;
    }
  }
}
