import { OutboxQueueStore, isOutboxEntrySettled, type KeyedWriteLock, type OutboxEntry } from '@enlace/store';
import { Connection, mongo } from 'mongoose';
import type { TimelineEntry } from '../domain/case-content';
import type { CaseStateBase } from '../domain/case-protocol';
import { SealedCaseContent, stateWithPurpose, stateWithoutPurpose } from '../../privacy/sealed-case-content';
import type { CaseErasure, CaseDirection, ProtocolCaseDocument, StoredProtocolCase } from './protocol-case.document';

export interface ProtocolCaseChange<S> {
  readonly state: S;
  readonly timeline: readonly TimelineEntry[];
  readonly outbox: readonly OutboxEntry[];
  readonly appliedEnvelopeId?: string;
  readonly due?: Date;
  readonly pendingOn?: string;
  /** Removes the person's data and the plaintext of every unsent message: consent was withdrawn. */
  readonly erasure?: CaseErasure;
  readonly at: Date;
}

export interface ProtocolCaseListFilter {
  readonly direction?: CaseDirection;
  readonly status?: string;
  /** Only cases whose pending step was due by `now` (true), or only the others (false). */
  readonly overdue?: boolean;
  readonly now?: Date;
}

/** A case whose step, waiting on the other end, is overdue and not yet announced. */
export interface UnannouncedOverdueCase {
  readonly id: string;
  readonly due: Date;
  readonly status: string;
  /** The country the step waits on. */
  readonly counterpart: string;
}

/** Another writer changed the case in between; the caller reloads and decides again. */
export class ConcurrentCaseChangeError extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId} changed concurrently`);
    this.name = 'ConcurrentCaseChangeError';
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
 * The cases of one protocol in the node's own database. Every change is one single-document update guarded by
 * the version it was decided on, carrying the new state, the timeline and the outbox (FerretDB has no
 * transactions). The person's data and the outbox payloads rest sealed with the case's key (SealedCaseContent);
 * an erasure removes them and destroys that key.
 */
export class ProtocolCaseRepository<S> {
  private initialised?: Promise<unknown>;

  constructor(
    private readonly connection: Connection,
    readonly collectionName: string,
    private readonly lock: KeyedWriteLock,
    private readonly sealing: SealedCaseContent,
  ) {}

  /** The relay's pointers to new outbox entries, added after each write that put some in (see OutboxQueueItem). */
  private get outboxQueue(): OutboxQueueStore {
    return new OutboxQueueStore(this.connection);
  }

  private get collection(): mongo.Collection<ProtocolCaseDocument<S>> {
    return this.connection.collection<ProtocolCaseDocument<S>>(this.collectionName);
  }

  async ensureIndexes(): Promise<void> {
    this.initialised ??= Promise.all([
      this.collection.createIndex({ outboxPending: 1 }),
      this.collection.createIndex({ direction: 1, 'state.status': 1 }),
      this.collection.createIndex({ due: 1 }),
    ]);
    await this.initialised;
  }

  async insert(document: ProtocolCaseDocument<S>): Promise<'inserted' | 'exists'> {
    const stored = await this.stored(document);
    return this.lock.run(document._id, () => this.insertNow(stored));
  }

  private async stored(document: ProtocolCaseDocument<S>): Promise<StoredProtocolCase<S>> {
    const { person, consent, outbox, state, ...rest } = document;
    const resting = stateWithoutPurpose(state);
    const sealed = await this.sealing.sealContentAndOutbox(
      document._id,
      {
        ...(person ? { person } : {}),
        ...(consent ? { consent } : {}),
        ...(resting.statePurpose !== undefined ? { statePurpose: resting.statePurpose } : {}),
      },
      outbox,
    );
    return { ...rest, state: resting.state, ...sealed };
  }

  private async opened(stored: StoredProtocolCase<S>): Promise<ProtocolCaseDocument<S>> {
    const { personal, ...rest } = stored;
    if (personal === undefined) return rest;
    const content = await this.sealing.open(stored._id, personal);
    return {
      ...rest,
      state: stateWithPurpose(rest.state, content.statePurpose),
      ...(content.person ? { person: content.person } : {}),
      ...(content.consent ? { consent: content.consent } : {}),
    };
  }

  private async insertNow(document: StoredProtocolCase<S>): Promise<'inserted' | 'exists'> {
    try {
      await this.collection.insertOne(document as mongo.OptionalUnlessRequiredId<ProtocolCaseDocument<S>>);
    } catch (error) {
      if (error instanceof mongo.MongoServerError && error.code === 11000) return 'exists';
      throw error;
    }
    await this.outboxQueue.enqueue(this.collectionName, document._id, document.outbox);
    return 'inserted';
  }

  async findById(id: string): Promise<ProtocolCaseDocument<S> | null> {
    const stored = (await this.collection.findOne({ _id: id } as mongo.Filter<
      ProtocolCaseDocument<S>
    >)) as StoredProtocolCase<S> | null;
    return stored ? this.opened(stored) : null;
  }

  async exists(id: string): Promise<boolean> {
    const found = await this.collection.findOne({ _id: id } as mongo.Filter<ProtocolCaseDocument<S>>, {
      projection: { _id: 1 },
    });
    return found !== null;
  }

  /** Every case in id order, a page at a time after `afterId`, with the person: for the node's export. */
  async page(afterId: string | undefined, size: number): Promise<ProtocolCaseDocument<S>[]> {
    const query = afterId === undefined ? {} : { _id: { $gt: afterId } };
    const stored = (await this.collection
      .find(query as mongo.Filter<ProtocolCaseDocument<S>>, { projection: EXPORT_PROJECTION })
      .sort({ _id: 1 })
      .limit(size)
      .toArray()) as StoredProtocolCase<S>[];
    return Promise.all(stored.map((document) => this.opened(document)));
  }

  async list(filter: ProtocolCaseListFilter): Promise<ProtocolCaseDocument<S>[]> {
    const query: Record<string, unknown> = {};
    if (filter.direction) query['direction'] = filter.direction;
    if (filter.status) query['state.status'] = filter.status;
    if (filter.overdue === true) query['due'] = { $lte: filter.now ?? new Date() };
    if (filter.overdue === false) query['$nor'] = [{ due: { $lte: filter.now ?? new Date() } }];
    return (await this.collection
      .find(query as mongo.Filter<ProtocolCaseDocument<S>>, { projection: SUMMARY_PROJECTION })
      .sort({ updatedAt: -1 })
      .limit(500)
      .toArray()) as ProtocolCaseDocument<S>[];
  }

  /** Cases whose step waits on the other end, was due by `now`, and is not announced as overdue yet. */
  async findUnannouncedOverdue(now: Date, limit: number): Promise<UnannouncedOverdueCase[]> {
    type Found = Pick<ProtocolCaseDocument<CaseStateBase>, '_id' | 'due' | 'announcedDue' | 'pendingOn' | 'state'>;
    const found = (await this.collection
      .find({ due: { $lte: now } } as mongo.Filter<ProtocolCaseDocument<S>>, {
        projection: { _id: 1, due: 1, announcedDue: 1, pendingOn: 1, state: 1 },
      })
      .sort({ due: 1 })
      .limit(limit)
      .toArray()) as unknown as Found[];
    return found.flatMap((document) => {
      const { state, due } = document;
      const waitsOnOther = document.pendingOn !== undefined && document.pendingOn !== state.side;
      const announced = document.announcedDue?.getTime() === due?.getTime();
      if (!due || !waitsOnOther || announced) return [];
      const counterpart = state.side === 'sender' ? state.toCountry : state.fromCountry;
      return [{ id: document._id, due, status: state.status, counterpart }];
    });
  }

  async markAnnounced(id: string, due: Date): Promise<void> {
    await this.lock.run(id, () =>
      this.collection.updateOne(
        { _id: id } as mongo.Filter<ProtocolCaseDocument<S>>,
        {
          $set: { announcedDue: due },
        } as mongo.UpdateFilter<ProtocolCaseDocument<S>>,
      ),
    );
  }

  /** Notes the delivery receipt of one outbox entry; the entry's position is looked up, then named. */
  async markOutboxDelivered(caseId: string, envelopeId: string, deliveredAt: Date): Promise<void> {
    await this.lock.run(caseId, () => this.markOutboxDeliveredNow(caseId, envelopeId, deliveredAt));
  }

  private async markOutboxDeliveredNow(caseId: string, envelopeId: string, deliveredAt: Date): Promise<void> {
    const document = await this.collection.findOne({ _id: caseId } as mongo.Filter<ProtocolCaseDocument<S>>, {
      projection: { outbox: 1 },
    });
    const index = document?.outbox.findIndex((entry) => entry.envelopeId === envelopeId) ?? -1;
    if (index < 0) return;
    await this.collection.updateOne(
      { _id: caseId, [`outbox.${index}.envelopeId`]: envelopeId } as mongo.Filter<ProtocolCaseDocument<S>>,
      { $set: { [`outbox.${index}.deliveredAt`]: deliveredAt } } as mongo.UpdateFilter<ProtocolCaseDocument<S>>,
    );
  }

  async applyChange(document: ProtocolCaseDocument<S>, change: ProtocolCaseChange<S>): Promise<void> {
    // An erasing change's own messages (the withdrawal, the confirmation) carry ids and times only: they rest in
    // clear, since the case's key is destroyed right after; every other message rests sealed.
    const outbox = change.erasure ? [...change.outbox] : await this.sealing.sealOutbox(document._id, change.outbox);
    await this.lock.run(document._id, () => this.applyChangeNow(document, { ...change, outbox }));
    if (change.erasure) await this.sealing.erase(document._id, new Date(change.erasure.erasedAt));
  }

  private async applyChangeNow(document: ProtocolCaseDocument<S>, change: ProtocolCaseChange<S>): Promise<void> {
    const push: Record<string, unknown> = { timeline: { $each: [...change.timeline] } };
    if (change.appliedEnvelopeId) push['appliedEnvelopeIds'] = change.appliedEnvelopeId;
    const set: Record<string, unknown> = { state: stateWithoutPurpose(change.state).state, updatedAt: change.at };
    const unset: Record<string, ''> = {};
    const inc: Record<string, number> = { version: 1 };
    if (change.due) set['due'] = change.due;
    else unset['due'] = '';
    if (change.pendingOn) set['pendingOn'] = change.pendingOn;
    else unset['pendingOn'] = '';
    if (change.erasure) {
      // Consent is gone: the person's data go, and so do the messages not yet sent, which would carry them on.
      // The version guard makes replacing the outbox safe; the relay's marks name each entry's envelope id.
      const outbox = [...document.outbox.filter(isOutboxEntrySettled), ...change.outbox];
      set['erasure'] = change.erasure;
      set['outbox'] = outbox;
      set['outboxPending'] = outbox.filter((entry) => !isOutboxEntrySettled(entry)).length;
      unset['person'] = '';
      unset['consent'] = '';
      unset['personal'] = '';
    } else {
      push['outbox'] = { $each: [...change.outbox] };
      inc['outboxPending'] = change.outbox.length;
    }
    const result = await this.collection.updateOne(
      { _id: document._id, version: document.version } as mongo.Filter<ProtocolCaseDocument<S>>,
      {
        $set: set,
        ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
        $push: push,
        $inc: inc,
      } as mongo.UpdateFilter<ProtocolCaseDocument<S>>,
    );
    if (result.matchedCount === 0) throw new ConcurrentCaseChangeError(document._id);
    await this.outboxQueue.enqueue(this.collectionName, document._id, change.outbox);
  }

  /** Records that the other end confirmed its erasure. */
  async recordErasureConfirmation(caseId: string, country: string, at: string): Promise<void> {
    await this.lock.run(caseId, () =>
      this.collection.updateOne(
        { _id: caseId, erasure: { $exists: true } } as mongo.Filter<ProtocolCaseDocument<S>>,
        { $push: { 'erasure.confirmedBy': { country, at } } } as unknown as mongo.UpdateFilter<ProtocolCaseDocument<S>>,
      ),
    );
  }
}
