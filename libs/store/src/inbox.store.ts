import { Connection, mongo } from 'mongoose';
import { duplicatePositions, isDuplicateKey } from './duplicate-key';
import { INBOX_COLLECTION, InboxEntry } from './inbox-entry';
import { INBOX_QUEUE_COLLECTION, InboxQueueItem } from './inbox-queue-item';

/** Entries read by id at once: each is one look-up by `_id`, the only filter FerretDB v1 pushes down. */
const PARALLEL_READS = 8;
/**
 * Pointers read at once from the queue, oldest first. FerretDB v1 sorts in memory, so a read costs the whole queue
 * whatever its limit: after an outage, one read serves many rounds instead of one.
 */
export const INBOX_READ_AHEAD = 2_000;

/** The node's idempotent inbox: written by the courier, applied by node-api. */
export class InboxStore {
  /** Pointers read ahead and not handed out yet, oldest first. */
  private ahead: InboxQueueItem[] = [];
  /** Entries handed out by findUnapplied and not yet applied, set aside or postponed. */
  private readonly unsettled = new Set<string>();

  constructor(private readonly connection: Connection) {}

  private get collection(): mongo.Collection<InboxEntry> {
    return this.connection.collection<InboxEntry>(INBOX_COLLECTION);
  }

  private get queue(): mongo.Collection<InboxQueueItem> {
    return this.connection.collection<InboxQueueItem>(INBOX_QUEUE_COLLECTION);
  }

  async has(envelopeId: string): Promise<boolean> {
    return (await this.collection.findOne({ _id: envelopeId }, { projection: { _id: 1 } })) !== null;
  }

  /**
   * Stores the entry once and queues it for node-api; a second arrival of the same envelope id changes nothing and
   * says so — but queues the entry again if it is still unapplied (its first pointer may have been lost in a crash).
   */
  async record(entry: InboxEntry): Promise<'stored' | 'duplicate'> {
    try {
      await this.collection.insertOne(entry);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const stored = await this.collection.findOne({ _id: entry._id }, { projection: { appliedAt: 1, rejection: 1 } });
      if (stored && !stored.appliedAt && !stored.rejection) await this.enqueue([entry]);
      return 'duplicate';
    }
    await this.enqueue([entry]);
    return 'stored';
  }

  /**
   * As record, for many entries in one insert (a batch the courier read from its inbox topic); the same envelope
   * twice in the batch is stored once. Returns, in order, whether each was stored or a duplicate.
   */
  async recordMany(entries: readonly InboxEntry[]): Promise<('stored' | 'duplicate')[]> {
    if (entries.length === 0) return [];
    let refused = new Set<number>();
    try {
      await this.collection.insertMany([...entries], { ordered: false });
    } catch (error) {
      refused = duplicatePositions(error);
    }
    const queued = entries.filter((_, i) => !refused.has(i));
    const storedIds = new Set(queued.map((entry) => entry._id));
    for (const entry of entries.filter((candidate, i) => refused.has(i) && !storedIds.has(candidate._id))) {
      const stored = await this.collection.findOne({ _id: entry._id }, { projection: { appliedAt: 1, rejection: 1 } });
      if (stored && !stored.appliedAt && !stored.rejection) queued.push(entry);
    }
    if (queued.length > 0) await this.enqueue(queued);
    return entries.map((_, i) => (refused.has(i) ? 'duplicate' : 'stored'));
  }

  /**
   * The oldest unapplied entries, by the queue's pointers; pointers to entries applied or gone are dropped. Pointers
   * are read ahead (INBOX_READ_AHEAD); they are read again when the read-ahead is used up, and whenever an entry
   * handed out before was not settled (a passing failure, a concurrent change), so that it comes again before any
   * later entry of its case. A pointer queued after the read carries a later arrival time than those read (a case's
   * messages arrive in order on one partition), so it loses nothing by waiting for the next read.
   */
  async findUnapplied(limit: number): Promise<InboxEntry[]> {
    if (this.ahead.length === 0 || this.unsettled.size > 0) {
      this.unsettled.clear();
      this.ahead = await this.queue.find({}).sort({ receivedAt: 1 }).limit(Math.max(limit, INBOX_READ_AHEAD)).toArray();
    }
    const items = this.ahead.splice(0, limit);
    const entries: InboxEntry[] = [];
    const stale: string[] = [];
    for (let i = 0; i < items.length; i += PARALLEL_READS) {
      const slice = items.slice(i, i + PARALLEL_READS);
      const found = await Promise.all(slice.map((item) => this.collection.findOne({ _id: item._id })));
      found.forEach((entry, j) => {
        if (entry && !entry.appliedAt && !entry.rejection) entries.push(entry);
        else stale.push((slice[j] as InboxQueueItem)._id);
      });
    }
    if (stale.length > 0) await this.queue.deleteMany({ _id: { $in: stale } });
    for (const entry of entries) this.unsettled.add(entry._id);
    return entries;
  }

  /**
   * Puts a waiting entry's pointer behind every other (its entry keeps its arrival time): a message that came before
   * the one it follows does not hold up, batch after batch, the entries queued after it.
   */
  async postpone(envelopeId: string, until: Date): Promise<void> {
    await this.queue.updateOne({ _id: envelopeId }, { $set: { receivedAt: until } });
    this.unsettled.delete(envelopeId);
  }

  async markApplied(envelopeId: string, appliedAt: Date): Promise<void> {
    await this.collection.updateOne(
      { _id: envelopeId },
      { $set: { appliedAt }, $unset: { payload: '', sealedPayload: '' } },
    );
    await this.queue.deleteOne({ _id: envelopeId });
    this.unsettled.delete(envelopeId);
  }

  async markRejected(envelopeId: string, rejection: { code: string; detail: string }): Promise<void> {
    await this.collection.updateOne(
      { _id: envelopeId },
      { $set: { rejection }, $unset: { payload: '', sealedPayload: '' } },
    );
    await this.queue.deleteOne({ _id: envelopeId });
    this.unsettled.delete(envelopeId);
  }

  private async enqueue(entries: readonly Pick<InboxEntry, '_id' | 'receivedAt'>[]): Promise<void> {
    try {
      await this.queue.insertMany(
        entries.map(({ _id, receivedAt }) => ({ _id, receivedAt })),
        { ordered: false },
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
