import { Connection, mongo } from 'mongoose';
import { isOutboxEntrySettled, OutboxEntry } from './outbox-entry';
import { OUTBOX_SENT_COLLECTION, OutboxSentMark } from './outbox-sent-mark';

export interface PendingOutboxEntry {
  readonly collection: string;
  readonly documentId: string;
  readonly index: number;
  readonly entry: OutboxEntry;
}

/**
 * The relay's view of every outbox of the node: it finds unsent entries in document order and notes each one it
 * produced in a collection of its own (OutboxSentMark), by envelope id; it never writes into a case document.
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
          if (!isOutboxEntrySettled(entry)) pending.push({ collection, documentId: document._id, index, entry });
        });
      }
    }
    return this.withoutMarked(pending);
  }

  /** Notes the entries produced; a note already there (a retried send) stays as it is. */
  async markSent(entries: readonly PendingOutboxEntry[], sentAt: Date): Promise<void> {
    if (entries.length === 0) return;
    const marks: OutboxSentMark[] = entries.map((item) => ({
      _id: item.entry.envelopeId,
      collection: item.collection,
      caseId: item.documentId,
      sentAt,
    }));
    try {
      await this.marks.insertMany(marks, { ordered: false });
    } catch (error) {
      if (!(error instanceof mongo.MongoBulkWriteError && error.code === 11000)) throw error;
    }
  }

  /** Notes that an entry is set aside unsent, with the reason; the node API folds it into its case. */
  async markUndeliverable(item: PendingOutboxEntry, reason: string, at: Date): Promise<void> {
    try {
      await this.marks.insertOne({
        _id: item.entry.envelopeId,
        collection: item.collection,
        caseId: item.documentId,
        sentAt: at,
        undeliverable: reason,
      });
    } catch (error) {
      if (!(error instanceof mongo.MongoServerError && error.code === 11000)) throw error;
    }
  }

  private get marks(): mongo.Collection<OutboxSentMark> {
    return this.connection.collection<OutboxSentMark>(OUTBOX_SENT_COLLECTION);
  }

  /** The entries the relay produced already but whose case does not know it yet, left out. */
  private async withoutMarked(pending: PendingOutboxEntry[]): Promise<PendingOutboxEntry[]> {
    if (pending.length === 0) return pending;
    const marked = await this.marks
      .find({ _id: { $in: pending.map((item) => item.entry.envelopeId) } }, { projection: { _id: 1 } })
      .toArray();
    const sent = new Set(marked.map((mark) => mark._id));
    return pending.filter((item) => !sent.has(item.entry.envelopeId));
  }
}
