import { Connection, mongo } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import { isOutboxEntrySettled, OutboxEntry } from './outbox-entry';
import { OUTBOX_QUEUE_COLLECTION, OutboxQueueItem } from './outbox-queue-item';
import { OUTBOX_SENT_COLLECTION, OutboxSentMark } from './outbox-sent-mark';

export interface PendingOutboxEntry {
  readonly collection: string;
  readonly documentId: string;
  readonly index: number;
  readonly entry: OutboxEntry;
}

type CaseOutbox = { _id: string; outbox: OutboxEntry[] };

/** Cases read by id at once in one round: each is one look-up by `_id`, the only filter FerretDB v1 pushes down. */
const PARALLEL_CASE_READS = 8;

/**
 * The relay's view of every outbox of the node: it finds unsent entries through the outbox pointers (or, in a
 * sweep, by scanning the case collections) and notes each one it produced in a collection of its own
 * (OutboxSentMark), by envelope id; it never writes into a case document.
 */
export class OutboxRelayStore {
  constructor(
    private readonly connection: Connection,
    private readonly collections: readonly string[],
  ) {}

  /**
   * The unsent entries of the cases the oldest pointers name, every unsent entry of each case in array order (so
   * one case's messages stay ordered). Pointers whose entry is gone or already produced are removed.
   */
  async findPending(limit: number): Promise<PendingOutboxEntry[]> {
    const items = await this.queue.find({}).sort({ queuedAt: 1 }).limit(limit).toArray();
    if (items.length === 0) return [];
    const cases = new Map<string, { collection: string; caseId: string }>();
    for (const item of items) cases.set(`${item.collection}\u0000${item.caseId}`, item);
    const pending: PendingOutboxEntry[] = [];
    const list = [...cases.values()];
    for (let i = 0; i < list.length; i += PARALLEL_CASE_READS) {
      const documents = await Promise.all(
        list
          .slice(i, i + PARALLEL_CASE_READS)
          .map(async ({ collection, caseId }) => ({ collection, document: await this.readOutbox(collection, caseId) })),
      );
      for (const { collection, document } of documents) if (document) pending.push(...unsentOf(collection, document));
    }
    const unsent = await this.withoutMarked(pending);
    const live = new Set(unsent.map((item) => item.entry.envelopeId));
    await this.dequeue(items.map((item) => item._id).filter((id) => !live.has(id)));
    return unsent;
  }

  /**
   * The same, found by scanning every case collection: slow on FerretDB v1, run now and then to send what a lost
   * pointer would otherwise hold back (a node API stopped between its case write and the pointer's).
   */
  async sweepPending(limit: number): Promise<PendingOutboxEntry[]> {
    const pending: PendingOutboxEntry[] = [];
    for (const collection of this.collections) {
      const documents = await this.connection
        .collection<CaseOutbox>(collection)
        .find({ outboxPending: { $gt: 0 } }, { projection: { outbox: 1 } })
        .sort({ updatedAt: 1 })
        .limit(limit)
        .toArray();
      for (const document of documents) pending.push(...unsentOf(collection, document));
    }
    return this.withoutMarked(pending);
  }

  /** Notes the entries produced and drops their pointers; a note already there (a retried send) stays as it is. */
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
      if (!isDuplicateKey(error)) throw error;
    }
    await this.dequeue(marks.map((mark) => mark._id));
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
      if (!isDuplicateKey(error)) throw error;
    }
    await this.dequeue([item.entry.envelopeId]);
  }

  private get marks(): mongo.Collection<OutboxSentMark> {
    return this.connection.collection<OutboxSentMark>(OUTBOX_SENT_COLLECTION);
  }

  private get queue(): mongo.Collection<OutboxQueueItem> {
    return this.connection.collection<OutboxQueueItem>(OUTBOX_QUEUE_COLLECTION);
  }

  private readOutbox(collection: string, caseId: string): Promise<CaseOutbox | null> {
    return this.connection.collection<CaseOutbox>(collection).findOne({ _id: caseId }, { projection: { outbox: 1 } });
  }

  private async dequeue(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.queue.deleteMany({ _id: { $in: [...ids] } });
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

/** Every unsent entry of a case, in array order: the relay sends them in that order, so one case's messages stay ordered. */
function unsentOf(collection: string, document: CaseOutbox): PendingOutboxEntry[] {
  const pending: PendingOutboxEntry[] = [];
  document.outbox.forEach((entry, index) => {
    if (!isOutboxEntrySettled(entry)) pending.push({ collection, documentId: document._id, index, entry });
  });
  return pending;
}
