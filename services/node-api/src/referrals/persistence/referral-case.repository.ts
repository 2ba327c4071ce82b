import type { ReferralState } from '@enlace/protocols';
import { OutboxQueueStore, type KeyedWriteLock, type OutboxEntry } from '@enlace/store';
import { Connection, mongo } from 'mongoose';
import type { CaseErasure } from '../../cases/persistence/protocol-case.document';
import { SealedCaseContent, stateWithPurpose, stateWithoutPurpose } from '../../privacy/sealed-case-content';
import { AWAITING_ANSWER_STATUSES } from '../domain/referral-deadline';
import {
  REFERRALS_COLLECTION,
  ReferralCaseDocument,
  ReferralDirection,
  StoredReferralCase,
  TimelineEntry,
} from './referral-case.document';

export interface ReferralCaseChange {
  readonly state: ReferralState;
  readonly timeline: readonly TimelineEntry[];
  readonly outbox: readonly OutboxEntry[];
  readonly appliedEnvelopeId?: string;
  /** Removes the person's data and every unsent message, and destroys the case's key: consent was withdrawn. */
  readonly erasure?: CaseErasure;
  readonly at: Date;
}

export interface ReferralListFilter {
  readonly direction?: ReferralDirection;
  readonly status?: string;
  /** Only referrals whose answer is overdue at `now` (true), or only the others (false). */
  readonly overdue?: boolean;
  readonly now?: Date;
}

export interface OverdueReferral {
  readonly id: string;
  readonly answerDue: Date;
}

/** Another writer changed the case in between; the caller reloads and decides again. */
export class ConcurrentChangeError extends Error {
  constructor(readonly referralId: string) {
    super(`referral ${referralId} changed concurrently`);
    this.name = 'ConcurrentChangeError';
  }
}

const SUMMARY_PROJECTION = {
  person: 0,
  consent: 0,
  personal: 0,
  outbox: 0,
  appliedEnvelopeIds: 0,
  timeline: 0,
} as const;
const EXPORT_PROJECTION = { outbox: 0, appliedEnvelopeIds: 0, timeline: 0 } as const;

/**
 * Referral cases in the node's own database. Every change is one single-document update guarded by the
 * version it was decided on (optimistic concurrency), carrying the new state, the timeline and the outbox. The
 * person's data and the outbox payloads rest sealed with the case's key (SealedCaseContent); an erasure removes
 * them and destroys that key.
 */
export class ReferralCaseRepository {
  private initialised?: Promise<unknown>;

  constructor(
    private readonly connection: Connection,
    private readonly lock: KeyedWriteLock,
    private readonly sealing: SealedCaseContent,
  ) {}

  /** The relay's pointers to new outbox entries, added after each write that put some in (see OutboxQueueItem). */
  private get outboxQueue(): OutboxQueueStore {
    return new OutboxQueueStore(this.connection);
  }

  private get collection(): mongo.Collection<StoredReferralCase> {
    return this.connection.collection<StoredReferralCase>(REFERRALS_COLLECTION);
  }

  /** Indexes for the lists and the outbox relay; safe to call again. */
  async ensureIndexes(): Promise<void> {
    this.initialised ??= Promise.all([
      this.collection.createIndex({ outboxPending: 1 }),
      this.collection.createIndex({ direction: 1, 'state.status': 1 }),
      this.collection.createIndex({ 'state.status': 1, answerDue: 1 }),
    ]);
    await this.initialised;
  }

  async insert(document: ReferralCaseDocument): Promise<'inserted' | 'exists'> {
    const stored = await this.stored(document);
    return this.lock.run(document._id, () => this.insertNow(stored));
  }

  private async stored(document: ReferralCaseDocument): Promise<StoredReferralCase> {
    const { person, consent, outbox, state, details, ...rest } = document;
    const { reasonDetails, ...plainDetails } = details;
    const resting = stateWithoutPurpose(state);
    const sealed = await this.sealing.sealContentAndOutbox(
      document._id,
      {
        ...(person ? { person } : {}),
        ...(consent ? { consent } : {}),
        ...(reasonDetails ? { reasonDetails } : {}),
        ...(resting.statePurpose !== undefined ? { statePurpose: resting.statePurpose } : {}),
      },
      outbox,
    );
    return { ...rest, state: resting.state, details: plainDetails, ...sealed };
  }

  private async opened(stored: StoredReferralCase): Promise<ReferralCaseDocument> {
    const { personal, ...rest } = stored;
    if (personal === undefined) return rest;
    const content = await this.sealing.open(stored._id, personal);
    return {
      ...rest,
      state: stateWithPurpose(rest.state, content.statePurpose),
      details: { ...rest.details, ...(content.reasonDetails ? { reasonDetails: content.reasonDetails } : {}) },
      ...(content.person ? { person: content.person } : {}),
      ...(content.consent ? { consent: content.consent } : {}),
    };
  }

  private async insertNow(document: StoredReferralCase): Promise<'inserted' | 'exists'> {
    try {
      await this.collection.insertOne({ ...document, ...answerDueOf(document.state) });
    } catch (error) {
      if (error instanceof mongo.MongoServerError && error.code === 11000) return 'exists';
      throw error;
    }
    await this.outboxQueue.enqueue(REFERRALS_COLLECTION, document._id, document.outbox);
    return 'inserted';
  }

  async findById(id: string): Promise<ReferralCaseDocument | null> {
    const stored = await this.collection.findOne({ _id: id });
    return stored ? this.opened(stored) : null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.collection.findOne({ _id: id }, { projection: { _id: 1 } })) !== null;
  }

  /** Every referral in id order, a page at a time after `afterId`, with the person: for the node's export. */
  async page(afterId: string | undefined, size: number): Promise<ReferralCaseDocument[]> {
    const stored = await this.collection
      .find(afterId === undefined ? {} : { _id: { $gt: afterId } }, { projection: EXPORT_PROJECTION })
      .sort({ _id: 1 })
      .limit(size)
      .toArray();
    return Promise.all(stored.map((document) => this.opened(document)));
  }

  async list(filter: ReferralListFilter): Promise<ReferralCaseDocument[]> {
    const query: mongo.Filter<StoredReferralCase> = {};
    if (filter.direction) query.direction = filter.direction;
    if (filter.status) query['state.status'] = filter.status;
    if (filter.overdue !== undefined) {
      const overdue = overdueQuery(filter.now ?? new Date(), filter.status);
      Object.assign(query, filter.overdue ? overdue : { $nor: [overdue] });
    }
    return this.collection
      .find(query, { projection: SUMMARY_PROJECTION })
      .sort({ updatedAt: -1 })
      .limit(500)
      .toArray() as Promise<ReferralCaseDocument[]>;
  }

  /**
   * This node's outgoing referrals whose answer was due by `now` and that still wait on it: the ones the sender
   * lets expire. Ids and due times only, oldest due first; the caller decides on each case as it reads it then.
   */
  async findOverdueOutgoing(now: Date, limit: number): Promise<OverdueReferral[]> {
    const found = await this.collection
      .find({ direction: 'outgoing', ...overdueQuery(now) }, { projection: { _id: 1, answerDue: 1 } })
      .sort({ answerDue: 1 })
      .limit(limit)
      .toArray();
    return found.flatMap((referral) =>
      referral.answerDue ? [{ id: referral._id, answerDue: referral.answerDue }] : [],
    );
  }

  /**
   * This node's outgoing referrals whose answer is overdue at `now` and not yet announced to the network: the
   * other country is late. Oldest due first.
   */
  async findUnannouncedOverdueOutgoing(
    now: Date,
    limit: number,
  ): Promise<(OverdueReferral & { status: string; counterpart: string })[]> {
    const found = await this.collection
      .find(
        { direction: 'outgoing', ...overdueQuery(now) },
        { projection: { _id: 1, answerDue: 1, announcedDue: 1, 'state.status': 1, 'state.toCountry': 1 } },
      )
      .sort({ answerDue: 1 })
      .limit(limit)
      .toArray();
    return found.flatMap((referral) =>
      referral.answerDue && referral.announcedDue?.getTime() !== referral.answerDue.getTime()
        ? [
            {
              id: referral._id,
              answerDue: referral.answerDue,
              status: referral.state.status,
              counterpart: referral.state.toCountry,
            },
          ]
        : [],
    );
  }

  async markAnnounced(id: string, due: Date): Promise<void> {
    await this.lock.run(id, () => this.collection.updateOne({ _id: id }, { $set: { announcedDue: due } }));
  }

  /** Notes the delivery receipt of one outbox entry; the entry's position is looked up, then named. */
  async markOutboxDelivered(referralId: string, envelopeId: string, deliveredAt: Date): Promise<void> {
    await this.lock.run(referralId, () => this.markOutboxDeliveredNow(referralId, envelopeId, deliveredAt));
  }

  private async markOutboxDeliveredNow(referralId: string, envelopeId: string, deliveredAt: Date): Promise<void> {
    const referral = await this.collection.findOne({ _id: referralId }, { projection: { outbox: 1 } });
    const index = referral?.outbox.findIndex((entry) => entry.envelopeId === envelopeId) ?? -1;
    if (index < 0) return;
    await this.collection.updateOne(
      { _id: referralId, [`outbox.${index}.envelopeId`]: envelopeId },
      { $set: { [`outbox.${index}.deliveredAt`]: deliveredAt } },
    );
  }

  async applyChange(document: ReferralCaseDocument, change: ReferralCaseChange): Promise<void> {
    // An erasing change's own messages (the withdrawal, the confirmation) carry ids and times only: they rest in
    // clear, since the case's key is destroyed right after; every other message rests sealed.
    const outbox = change.erasure ? [...change.outbox] : await this.sealing.sealOutbox(document._id, change.outbox);
    await this.lock.run(document._id, () => this.applyChangeNow(document, { ...change, outbox }));
    if (change.erasure) await this.sealing.erase(document._id, new Date(change.erasure.erasedAt));
  }

  private async applyChangeNow(document: ReferralCaseDocument, change: ReferralCaseChange): Promise<void> {
    const push: Record<string, unknown> = { timeline: { $each: [...change.timeline] } };
    if (change.appliedEnvelopeId) push['appliedEnvelopeIds'] = change.appliedEnvelopeId;
    const set: Record<string, unknown> = {
      state: stateWithoutPurpose(change.state).state,
      updatedAt: change.at,
      ...answerDueOf(change.state),
    };
    const inc: Record<string, number> = { version: 1 };
    const unset: Record<string, ''> = {};
    if (change.erasure) {
      // Consent is gone: the person's data go, and so do the messages not yet sent, which would carry them on.
      const outbox = [...document.outbox.filter((entry) => entry.sentAt), ...change.outbox];
      set['erasure'] = change.erasure;
      set['outbox'] = outbox;
      set['outboxPending'] = outbox.filter((entry) => !entry.sentAt).length;
      Object.assign(unset, { person: '', consent: '', personal: '', 'details.reasonDetails': '' });
    } else {
      push['outbox'] = { $each: [...change.outbox] };
      inc['outboxPending'] = change.outbox.length;
    }
    const result = await this.collection.updateOne({ _id: document._id, version: document.version }, {
      $set: set,
      ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
      $push: push,
      $inc: inc,
    } as mongo.UpdateFilter<StoredReferralCase>);
    if (result.matchedCount === 0) throw new ConcurrentChangeError(document._id);
    await this.outboxQueue.enqueue(REFERRALS_COLLECTION, document._id, change.outbox);
  }

  /** Records that the other end confirmed its erasure. */
  async recordErasureConfirmation(referralId: string, country: string, at: string): Promise<void> {
    await this.lock.run(referralId, () =>
      this.collection.updateOne({ _id: referralId, erasure: { $exists: true } }, {
        $push: { 'erasure.confirmedBy': { country, at } },
      } as unknown as mongo.UpdateFilter<StoredReferralCase>),
    );
  }
}

/** Waiting on an answer that was due by `now`; within `status` when the list asks for one status only. */
function overdueQuery(now: Date, status?: string): mongo.Filter<StoredReferralCase> {
  const waiting = status
    ? AWAITING_ANSWER_STATUSES.filter((candidate) => candidate === status)
    : AWAITING_ANSWER_STATUSES;
  return { 'state.status': { $in: [...waiting] }, answerDue: { $lte: now } };
}

function answerDueOf(state: ReferralState): Pick<ReferralCaseDocument, 'answerDue'> {
  return state.answerDueAt ? { answerDue: new Date(state.answerDueAt) } : {};
}
