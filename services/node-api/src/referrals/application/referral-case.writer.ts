import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { ReferralEvent, ReferralSide, ReferralState, evolveReferral } from '@enlace/protocols';
import { isOutboxEntrySettled, type OutboxEntry } from '@enlace/store';
import type { OutgoingCaseMessage } from '../../cases/domain/case-protocol';
import type { CaseErasure } from '../../cases/persistence/protocol-case.document';
import { outgoingMessageFor } from '../domain/referral-outgoing-messages';
import { timelineDetailFor } from '../domain/referral-timeline-detail';
import { ReferralCaseDocument, TimelineEntry } from '../persistence/referral-case.document';
import { ReferralCaseRepository } from '../persistence/referral-case.repository';
import { REFERRAL_CASE_REPOSITORY } from '../referrals.tokens';

/** A new case before its first events: what it is about, not yet where it stands. */
export type NewReferralCase = Pick<ReferralCaseDocument, '_id' | 'direction' | 'details' | 'person' | 'consent'>;

/** Who decided the events: one side, or per event when a change mixes both (a referral received and delivered). */
export type EventActor = ReferralSide | ((event: ReferralEvent) => ReferralSide);

export interface RecordOptions {
  /** A free note that came with the step (an acceptance's), for the timeline and the other end's message. */
  readonly note?: string;
  /** Extra messages this change sends beside the protocol's own (an erasure confirmation). */
  readonly extraMessages?: readonly OutgoingCaseMessage[];
}

interface Change {
  state: ReferralState;
  timeline: TimelineEntry[];
  outbox: OutboxEntry[];
}

/**
 * Writes the events decided on a referral: the new state, the timeline, and — in the same transaction —
 * the messages the other end must receive, each checked against its contract before it enters the outbox. When
 * the events withdraw the person's consent, the same write erases the person's data (and the case's key goes).
 */
@Injectable()
export class ReferralCaseWriter {
  constructor(
    @Inject(REFERRAL_CASE_REPOSITORY) private readonly repository: ReferralCaseRepository,
    private readonly validator: MessageValidator,
  ) {}

  /** Creates the case from its first events; `exists` when a case with that id is already here. */
  async create(
    base: NewReferralCase,
    events: readonly ReferralEvent[],
    actor: EventActor,
    options: RecordOptions = {},
  ): Promise<{ result: 'inserted' | 'exists'; referral: ReferralCaseDocument }> {
    const now = new Date();
    const change = this.change(base, undefined, events, actor, options);
    const referral: ReferralCaseDocument = {
      ...base,
      ...change,
      version: 0,
      createdAt: now,
      updatedAt: now,
    };
    const result = await this.repository.insert(referral);
    if (result === 'inserted') this.repository.remember(referral);
    return { result, referral };
  }

  async record(
    referral: ReferralCaseDocument,
    events: readonly ReferralEvent[],
    actor: EventActor,
    options: RecordOptions = {},
  ): Promise<ReferralCaseDocument> {
    const change = this.change(referral, referral.state, events, actor, options);
    const at = new Date();
    const erasure: CaseErasure | undefined =
      !referral.erasure && events.some((event) => event.type === 'ConsentWithdrawn')
        ? { erasedAt: at.toISOString(), confirmedBy: [] }
        : undefined;
    await this.repository.applyChange(referral, {
      ...change,
      at,
      ...(erasure ? { erasure } : {}),
    });
    const { person: _person, consent: _consent, ...kept } = referral;
    const { reasonDetails: _details, ...keptDetails } = referral.details;
    const recorded: ReferralCaseDocument = {
      ...(erasure ? { ...kept, details: keptDetails, erasure } : referral),
      state: change.state,
      timeline: [...referral.timeline, ...change.timeline],
      outbox: erasure
        ? [...referral.outbox.filter(isOutboxEntrySettled), ...change.outbox]
        : [...referral.outbox, ...change.outbox],
      version: referral.version + 1,
      updatedAt: at,
    };
    this.repository.remember(recorded);
    return recorded;
  }

  private change(
    referral: NewReferralCase,
    from: ReferralState | undefined,
    events: readonly ReferralEvent[],
    actor: EventActor,
    options: RecordOptions,
  ): Change {
    const { note } = options;
    const sideOf = typeof actor === 'function' ? actor : () => actor;
    let state = from;
    const timeline: TimelineEntry[] = [];
    const ours: ReferralEvent[] = [];
    for (const event of events) {
      state = evolveReferral(state, event);
      const detail = timelineDetailFor(event, note);
      timeline.push({
        at: event.data.at,
        event: event.type,
        side: sideOf(event),
        status: state.status,
        ...(detail ? { detail } : {}),
      });
      // Only what this end decided goes to the other end; what we replayed from its messages it already knows.
      if (sideOf(event) === state.side) ours.push(event);
    }
    if (!state) throw new Error('a change needs at least one event');
    return { state, timeline, outbox: this.outboxFor(referral, state, ours, options) };
  }

  private outboxFor(
    referral: NewReferralCase,
    state: ReferralState,
    events: readonly ReferralEvent[],
    options: RecordOptions,
  ): OutboxEntry[] {
    const counterpart = state.side === 'sender' ? state.toCountry : state.fromCountry;
    const entries: OutboxEntry[] = [];
    const messages = [
      ...events.flatMap((event) => outgoingMessageFor(event, referral, options.note) ?? []),
      ...(options.extraMessages ?? []),
    ];
    for (const message of messages) {
      this.validator.assertPayload(message.type, message.payload);
      entries.push({
        envelopeId: randomUUID(),
        type: message.type,
        to: counterpart,
        caseId: referral._id,
        correlationId: referral._id,
        payload: message.payload,
        createdAt: new Date(),
        sentAt: null,
        deliveredAt: null,
      });
    }
    return entries;
  }
}
