import type { ReferralState } from '@enlace/protocols';
import type { OutboxEntry } from '@enlace/store';
import { Connection, mongo } from 'mongoose';
import { REFERRALS_COLLECTION, ReferralCaseDocument, ReferralDirection, TimelineEntry } from './referral-case.document';

export interface ReferralCaseChange {
  readonly state: ReferralState;
  readonly timeline: readonly TimelineEntry[];
  readonly outbox: readonly OutboxEntry[];
  readonly appliedEnvelopeId?: string;
  readonly at: Date;
}

export interface ReferralListFilter {
  readonly direction?: ReferralDirection;
  readonly status?: string;
}

/** Another writer changed the case in between; the caller reloads and decides again. */
export class ConcurrentChangeError extends Error {
  constructor(readonly referralId: string) {
    super(`referral ${referralId} changed concurrently`);
    this.name = 'ConcurrentChangeError';
  }
}

const SUMMARY_PROJECTION = { person: 0, consent: 0, outbox: 0, appliedEnvelopeIds: 0, timeline: 0 } as const;

/**
 * Referral cases in the node's own database. Every change is one single-document update guarded by the
 * version it was decided on (optimistic concurrency), carrying the new state, the timeline and the outbox.
 */
export class ReferralCaseRepository {
  private initialised?: Promise<unknown>;

  constructor(private readonly connection: Connection) {}

  private get collection(): mongo.Collection<ReferralCaseDocument> {
    return this.connection.collection<ReferralCaseDocument>(REFERRALS_COLLECTION);
  }

  /** Indexes for the lists and the outbox relay; safe to call again. */
  async ensureIndexes(): Promise<void> {
    this.initialised ??= Promise.all([
      this.collection.createIndex({ outboxPending: 1 }),
      this.collection.createIndex({ direction: 1, 'state.status': 1 }),
    ]);
    await this.initialised;
  }

  async insert(document: ReferralCaseDocument): Promise<'inserted' | 'exists'> {
    try {
      await this.collection.insertOne(document);
      return 'inserted';
    } catch (error) {
      if (error instanceof mongo.MongoServerError && error.code === 11000) return 'exists';
      throw error;
    }
  }

  async findById(id: string): Promise<ReferralCaseDocument | null> {
    return this.collection.findOne({ _id: id });
  }

  async list(filter: ReferralListFilter): Promise<ReferralCaseDocument[]> {
    const query: mongo.Filter<ReferralCaseDocument> = {};
    if (filter.direction) query.direction = filter.direction;
    if (filter.status) query['state.status'] = filter.status;
    return this.collection
      .find(query, { projection: SUMMARY_PROJECTION })
      .sort({ updatedAt: -1 })
      .limit(500)
      .toArray() as Promise<ReferralCaseDocument[]>;
  }

  /** Notes the delivery receipt of one outbox entry; the entry's position is looked up, then named. */
  async markOutboxDelivered(referralId: string, envelopeId: string, deliveredAt: Date): Promise<void> {
    const referral = await this.collection.findOne({ _id: referralId }, { projection: { outbox: 1 } });
    const index = referral?.outbox.findIndex((entry) => entry.envelopeId === envelopeId) ?? -1;
    if (index < 0) return;
    await this.collection.updateOne(
      { _id: referralId, [`outbox.${index}.envelopeId`]: envelopeId },
      { $set: { [`outbox.${index}.deliveredAt`]: deliveredAt } },
    );
  }

  async applyChange(document: ReferralCaseDocument, change: ReferralCaseChange): Promise<void> {
    const push: Record<string, unknown> = {
      timeline: { $each: [...change.timeline] },
      outbox: { $each: [...change.outbox] },
    };
    if (change.appliedEnvelopeId) push['appliedEnvelopeIds'] = change.appliedEnvelopeId;
    const result = await this.collection.updateOne(
      { _id: document._id, version: document.version },
      {
        $set: { state: change.state, updatedAt: change.at },
        $push: push,
        $inc: { version: 1, outboxPending: change.outbox.length },
      },
    );
    if (result.matchedCount === 0) throw new ConcurrentChangeError(document._id);
  }
}
