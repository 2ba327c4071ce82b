import { Connection, mongo } from 'mongoose';
import { INBOX_COLLECTION, InboxEntry } from './inbox-entry';

const DUPLICATE_KEY = 11000;

/** The node's idempotent inbox: written by the courier, applied by node-api. */
export class InboxStore {
  constructor(private readonly connection: Connection) {}

  private get collection(): mongo.Collection<InboxEntry> {
    return this.connection.collection<InboxEntry>(INBOX_COLLECTION);
  }

  async has(envelopeId: string): Promise<boolean> {
    return (await this.collection.countDocuments({ _id: envelopeId }, { limit: 1 })) > 0;
  }

  /** Stores the entry once; a second arrival of the same envelope id changes nothing and says so. */
  async record(entry: InboxEntry): Promise<'stored' | 'duplicate'> {
    try {
      await this.collection.insertOne(entry);
      return 'stored';
    } catch (error) {
      if (error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY) return 'duplicate';
      throw error;
    }
  }

  async findUnapplied(limit: number): Promise<InboxEntry[]> {
    return this.collection.find({ appliedAt: null, rejection: null }).sort({ receivedAt: 1 }).limit(limit).toArray();
  }

  async markApplied(envelopeId: string, appliedAt: Date): Promise<void> {
    await this.collection.updateOne(
      { _id: envelopeId },
      { $set: { appliedAt }, $unset: { payload: '', sealedPayload: '' } },
    );
  }

  async markRejected(envelopeId: string, rejection: { code: string; detail: string }): Promise<void> {
    await this.collection.updateOne(
      { _id: envelopeId },
      { $set: { rejection }, $unset: { payload: '', sealedPayload: '' } },
    );
  }
}
