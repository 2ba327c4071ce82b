import { Connection, mongo } from 'mongoose';

/** An overdue step as announced (deadline.overdue.v1), and when the late country answered since. */
export interface OverdueRecord {
  _id: string;
  announcementId: string;
  country: string;
  counterpart: string;
  protocol: string;
  step: string;
  caseRef: string;
  dueAt: Date;
  announcedAt: Date;
  answeredAt: Date | null;
}

export type OverdueState = 'open' | 'answered' | 'all';

export interface OverdueQuery {
  readonly state: OverdueState;
  readonly country?: string;
  readonly counterpart?: string;
  readonly limit: number;
}

const COLLECTION = 'overdue';

/** A node may announce a step again after a restart: one record per case, step and due time. */
export const overdueKey = (caseRef: string, step: string, dueAt: Date): string =>
  `${caseRef}|${step}|${dueAt.toISOString()}`;

export class OverdueRepository {
  constructor(private readonly connection: Connection) {}

  private get collection(): mongo.Collection<OverdueRecord> {
    return this.connection.collection<OverdueRecord>(COLLECTION);
  }

  /** Keeps an announcement once; true when it is new. */
  async record(announcement: Omit<OverdueRecord, '_id' | 'answeredAt'>): Promise<boolean> {
    const _id = overdueKey(announcement.caseRef, announcement.step, announcement.dueAt);
    const result = await this.collection.updateOne(
      { _id },
      { $setOnInsert: { _id, ...announcement, answeredAt: null } },
      { upsert: true },
    );
    return result.upsertedCount === 1;
  }

  /**
   * The late country sent a message of the case back after the due time: its open announcements for that case are
   * answered. (Overdue records are few — open ones, mostly — so this filter on a small collection stays cheap.)
   */
  async markAnswered(caseRef: string, lateCountry: string, waitingCountry: string, at: Date): Promise<number> {
    const result = await this.collection.updateMany(
      { caseRef, counterpart: lateCountry, country: waitingCountry, answeredAt: null, dueAt: { $lte: at } },
      { $set: { answeredAt: at } },
    );
    return result.modifiedCount;
  }

  async list(query: OverdueQuery): Promise<OverdueRecord[]> {
    const filter: mongo.Filter<OverdueRecord> = {};
    if (query.state === 'open') filter.answeredAt = null;
    if (query.state === 'answered') filter.answeredAt = { $ne: null };
    if (query.country) filter.country = query.country;
    if (query.counterpart) filter.counterpart = query.counterpart;
    return this.collection.find(filter).sort({ dueAt: -1 }).limit(query.limit).toArray();
  }
}
