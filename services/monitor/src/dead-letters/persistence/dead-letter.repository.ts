import { Connection, mongo } from 'mongoose';

/** What the monitor keeps of a dead letter: where it is and why, never its bytes. */
export interface DeadLetterRecord {
  _id: string;
  country: string;
  topic: string;
  partition: number;
  offset: string;
  reason: string;
  detail: string;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  deadLetteredAt: Date;
  /** The routing facts of the envelope, when its header could be read (unverified). */
  envelope: { id: string; type: string; from: string; to: string; sentAt: Date } | null;
  redriveCount: number;
  lastRedrivenAt: Date | null;
  lastRedrivenBy: string | null;
}

export interface DeadLetterQuery {
  readonly country?: string;
  readonly status?: 'pending' | 'redriven';
  readonly limit: number;
}

const COLLECTION = 'dead_letters';

export class DeadLetterRepository {
  constructor(private readonly connection: Connection) {}

  private get collection(): mongo.Collection<DeadLetterRecord> {
    return this.connection.collection<DeadLetterRecord>(COLLECTION);
  }

  /** Keeps a dead letter once (it is read again after a restart); true when it is new. */
  async record(deadLetter: DeadLetterRecord): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: deadLetter._id },
      { $setOnInsert: deadLetter },
      { upsert: true },
    );
    return result.upsertedCount === 1;
  }

  async get(id: string): Promise<DeadLetterRecord | null> {
    return this.collection.findOne({ _id: id });
  }

  async list(query: DeadLetterQuery): Promise<DeadLetterRecord[]> {
    const filter: mongo.Filter<DeadLetterRecord> = {};
    if (query.country) filter.country = query.country;
    if (query.status === 'pending') filter.redriveCount = 0;
    if (query.status === 'redriven') filter.redriveCount = { $gt: 0 };
    return this.collection.find(filter).sort({ deadLetteredAt: -1 }).limit(query.limit).toArray();
  }

  async markRedriven(id: string, by: string, at: Date): Promise<DeadLetterRecord | null> {
    return this.collection.findOneAndUpdate(
      { _id: id },
      { $inc: { redriveCount: 1 }, $set: { lastRedrivenAt: at, lastRedrivenBy: by } },
      { returnDocument: 'after', includeResultMetadata: false },
    );
  }
}
