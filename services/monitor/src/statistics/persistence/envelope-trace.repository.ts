import { Connection, mongo } from 'mongoose';
import { EnvelopeFacts } from '../domain/envelope-facts';

/**
 * One small document per envelope id: the gate that makes counting idempotent (a record read twice is counted
 * once) and the meeting point of an envelope and its receipt, in whichever order the two are read.
 */
interface EnvelopeTrace {
  _id: string;
  /** Set once the envelope itself has been counted. */
  seen?: boolean;
  type?: string;
  from?: string;
  to?: string;
  sentAt?: Date;
  /** sentAt of the first receipt that named this envelope. */
  receiptSentAt?: Date;
}

const COLLECTION = 'envelopes';
const DUPLICATE_KEY = 11000;

export type Admission = { readonly firstSeen: false } | { readonly firstSeen: true; readonly receiptSentAt?: Date };

export class EnvelopeTraceRepository {
  constructor(private readonly connection: Connection) {}

  private get collection(): mongo.Collection<EnvelopeTrace> {
    return this.connection.collection<EnvelopeTrace>(COLLECTION);
  }

  /** Marks an envelope seen; says whether this is the first time, and any receipt that came before it. */
  async admit(envelope: EnvelopeFacts): Promise<Admission> {
    const before = await this.upsertOnce(
      { _id: envelope.id, seen: { $ne: true } },
      { $set: { seen: true, type: envelope.type, from: envelope.from, to: envelope.to, sentAt: envelope.sentAt } },
    );
    if (before === 'taken') return { firstSeen: false };
    return before?.receiptSentAt ? { firstSeen: true, receiptSentAt: before.receiptSentAt } : { firstSeen: true };
  }

  /** Undoes `admit` when counting failed, so that the record, read again, is counted then. */
  async release(envelopeId: string): Promise<void> {
    await this.collection.updateOne({ _id: envelopeId }, { $unset: { seen: '' } });
  }

  /**
   * Records the first receipt of an envelope. Returns the envelope when it was already seen (its delivery delay
   * can be measured now); undefined when it was not (it is measured when the envelope is admitted) or when a
   * receipt had already been recorded (a duplicate receipt measures nothing).
   */
  async recordReceipt(envelopeId: string, receiptSentAt: Date): Promise<EnvelopeFacts | undefined> {
    const before = await this.upsertOnce(
      { _id: envelopeId, receiptSentAt: { $exists: false } },
      { $set: { receiptSentAt } },
    );
    if (before === 'taken' || !before?.seen || !before.type || !before.from || !before.to || !before.sentAt) {
      return undefined;
    }
    return {
      id: envelopeId,
      type: before.type,
      from: before.from,
      to: before.to,
      sentAt: before.sentAt,
      correlationId: '',
    };
  }

  /**
   * An atomic update of one document that may not exist yet. 'taken' when the document exists but does not match
   * (the change was made before); otherwise the document as it was (null when it is new). An insert refused as a
   * duplicate means the document exists now (made before, or by a racing writer): the update is tried once more
   * without insert, and the filter decides.
   */
  private async upsertOnce(
    filter: mongo.Filter<EnvelopeTrace>,
    update: mongo.UpdateFilter<EnvelopeTrace>,
  ): Promise<EnvelopeTrace | null | 'taken'> {
    const options = { returnDocument: 'before', includeResultMetadata: false } as const;
    try {
      return await this.collection.findOneAndUpdate(filter, update, { ...options, upsert: true });
    } catch (error) {
      if (!(error instanceof mongo.MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
    }
    return (await this.collection.findOneAndUpdate(filter, update, options)) ?? 'taken';
  }
}
