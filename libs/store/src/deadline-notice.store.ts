import { Connection, mongo } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';

/** An overdue step to announce to the network (contracts: deadline.overdue.v1), waiting for the courier. */
export interface DeadlineNotice {
  /** `<caseRef>:<step>:<dueAt>`: the same overdue step is one notice, however often it is found. */
  _id: string;
  announcement: Record<string, unknown>;
  createdAt: Date;
  sentAt: Date | null;
}

export const DEADLINE_NOTICES_COLLECTION = 'deadline_notices';

/**
 * Overdue announcements between the node API, which finds the steps, and the courier, which publishes them on
 * the deadlines topic. Each side writes its own field: the API inserts, the courier marks sent.
 */
export class DeadlineNoticeStore {
  constructor(private readonly connection: Connection) {}

  private get notices(): mongo.Collection<DeadlineNotice> {
    return this.connection.collection<DeadlineNotice>(DEADLINE_NOTICES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.notices.createIndex({ sentAt: 1 });
  }

  /** Adds a notice; one already there stays as it is. */
  async add(id: string, announcement: Record<string, unknown>, at: Date): Promise<void> {
    try {
      await this.notices.insertOne({ _id: id, announcement, createdAt: at, sentAt: null });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async findUnsent(limit: number): Promise<DeadlineNotice[]> {
    return this.notices.find({ sentAt: null }).limit(limit).toArray();
  }

  async markSent(ids: readonly string[], sentAt: Date): Promise<void> {
    if (ids.length > 0) await this.notices.updateMany({ _id: { $in: [...ids] } }, { $set: { sentAt } });
  }
}
