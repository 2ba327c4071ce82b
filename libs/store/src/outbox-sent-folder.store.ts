import { Connection, mongo } from 'mongoose';
import { OutboxEntry } from './outbox-entry';
import { OUTBOX_SENT_COLLECTION, OutboxSentMark } from './outbox-sent-mark';

/**
 * The node API's side of the relay's notes: it reads them, folds them into their cases — sent, plaintext gone,
 * counted down — and removes them. The caller holds the case's write lock around each fold.
 */
export class OutboxSentFolderStore {
  constructor(private readonly connection: Connection) {}

  private get marks(): mongo.Collection<OutboxSentMark> {
    return this.connection.collection<OutboxSentMark>(OUTBOX_SENT_COLLECTION);
  }

  async findMarks(limit: number): Promise<OutboxSentMark[]> {
    return this.marks.find({}).limit(limit).toArray();
  }

  /**
   * Marks the case's entries named by `marks` sent (or set aside as undeliverable), in one update; entries already
   * marked stay as they are. Either way the plaintext goes and the entry no longer counts as pending.
   */
  async fold(collection: string, caseId: string, marks: readonly OutboxSentMark[]): Promise<void> {
    const cases = this.connection.collection<{ _id: string; outbox: OutboxEntry[] }>(collection);
    const document = await cases.findOne({ _id: caseId }, { projection: { outbox: 1 } });
    if (!document) return;
    const set: Record<string, Date | { reason: string; at: Date }> = {};
    const unset: Record<string, ''> = {};
    let folded = 0;
    for (const mark of marks) {
      const index = document.outbox.findIndex((entry) => entry.envelopeId === mark._id);
      const entry = document.outbox[index];
      if (index < 0 || entry?.sentAt || entry?.undeliverable) continue;
      if (mark.undeliverable) set[`outbox.${index}.undeliverable`] = { reason: mark.undeliverable, at: mark.sentAt };
      else set[`outbox.${index}.sentAt`] = mark.sentAt;
      unset[`outbox.${index}.payload`] = '';
      unset[`outbox.${index}.sealedPayload`] = '';
      folded++;
    }
    if (folded === 0) return;
    await cases.updateOne({ _id: caseId }, { $set: set, $unset: unset, $inc: { outboxPending: -folded } });
  }

  async removeMarks(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.marks.deleteMany({ _id: { $in: [...ids] } });
  }
}
