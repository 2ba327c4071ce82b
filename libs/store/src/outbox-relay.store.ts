import { Connection } from 'mongoose';
import { OutboxEntry } from './outbox-entry';

export interface PendingOutboxEntry {
  readonly collection: string;
  readonly documentId: string;
  readonly index: number;
  readonly entry: OutboxEntry;
}

/**
 * The relay's view of every outbox of the node: it finds unsent entries in document order and marks them sent
 * with an update that names the array position, which works on MongoDB and on FerretDB v1 alike.
 */
export class OutboxRelayStore {
  constructor(
    private readonly connection: Connection,
    private readonly collections: readonly string[],
  ) {}

  async findPending(limit: number): Promise<PendingOutboxEntry[]> {
    const pending: PendingOutboxEntry[] = [];
    for (const collection of this.collections) {
      const documents = await this.connection
        .collection<{ _id: string; outbox: OutboxEntry[] }>(collection)
        .find({ outboxPending: { $gt: 0 } }, { projection: { outbox: 1 } })
        .sort({ updatedAt: 1 })
        .limit(limit)
        .toArray();
      for (const document of documents) {
        // Every unsent entry, in array order: the relay sends them in that order, so one case's messages stay ordered.
        document.outbox.forEach((entry, index) => {
          if (!entry.sentAt) pending.push({ collection, documentId: document._id, index, entry });
        });
      }
    }
    return pending;
  }

  /** Marks entries sent in one round trip per collection; an entry already marked is left as it is. */
  async markSent(entries: readonly PendingOutboxEntry[], sentAt: Date): Promise<void> {
    const byCollection = new Map<string, PendingOutboxEntry[]>();
    for (const entry of entries)
      byCollection.set(entry.collection, [...(byCollection.get(entry.collection) ?? []), entry]);
    for (const [collection, items] of byCollection) {
      await this.connection.collection<{ _id: string }>(collection).bulkWrite(
        items.map((item) => {
          const path = `outbox.${item.index}`;
          return {
            updateOne: {
              filter: { _id: item.documentId, [`${path}.envelopeId`]: item.entry.envelopeId, [`${path}.sentAt`]: null },
              update: {
                $set: { [`${path}.sentAt`]: sentAt },
                $unset: { [`${path}.payload`]: '' },
                $inc: { outboxPending: -1 },
              },
            },
          };
        }),
        { ordered: false },
      );
    }
  }
}
