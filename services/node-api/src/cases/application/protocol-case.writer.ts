import { randomUUID } from 'node:crypto';
import type { MessageValidator } from '@enlace/contracts';
import { isOutboxEntrySettled, type OutboxEntry } from '@enlace/store';
import type { TimelineEntry } from '../domain/case-content';
import type { CaseContent, CaseEventBase, CaseProtocol, CaseSide, CaseStateBase } from '../domain/case-protocol';
import type { CaseDirection, CaseErasure, ProtocolCaseDocument } from '../persistence/protocol-case.document';
import type { ProtocolCaseRepository } from '../persistence/protocol-case.repository';

/** A new case before its first events: what it is about, not yet where it stands. */
export type NewProtocolCase = CaseContent & { readonly direction: CaseDirection };

/** Who decided the events: one side, or per event when a change mixes both (a request received and delivered). */
export type CaseActor<E> = CaseSide | ((event: E) => CaseSide);

export interface CaseRecordOptions {
  /** Extra messages this change sends beside the protocol's own (an erasure confirmation). */
  readonly extraMessages?: readonly { type: string; payload: Record<string, unknown> }[];
}

/**
 * Writes the events decided on a case of one protocol: the new state, the timeline and — in the same
 * transaction — the messages the other end must hear, each checked against its contract before it
 * enters the outbox. When the events withdraw the person's consent, the same write erases the person's data.
 */
export class ProtocolCaseWriter<S extends CaseStateBase, E extends CaseEventBase> {
  constructor(
    private readonly protocol: CaseProtocol<S, E>,
    private readonly repository: ProtocolCaseRepository<S>,
    private readonly validator: MessageValidator,
  ) {}

  async create(
    base: NewProtocolCase,
    events: readonly E[],
    actor: CaseActor<E>,
    options: CaseRecordOptions = {},
  ): Promise<{ result: 'inserted' | 'exists'; document: ProtocolCaseDocument<S> }> {
    const now = new Date();
    const change = this.change(base, undefined, events, actor, options);
    const document: ProtocolCaseDocument<S> = {
      _id: base._id,
      protocol: this.protocol.name,
      direction: base.direction,
      state: change.state,
      ...(base.person ? { person: base.person } : {}),
      ...(base.consent ? { consent: base.consent } : {}),
      ...(base.links ? { links: base.links } : {}),
      timeline: change.timeline,
      outbox: change.outbox,
      ...this.dueOf(change.state),
      version: 0,
      createdAt: now,
      updatedAt: now,
    };
    const result = await this.repository.insert(document);
    if (result === 'inserted') this.repository.remember(document);
    return { result, document };
  }

  async record(
    document: ProtocolCaseDocument<S>,
    events: readonly E[],
    actor: CaseActor<E>,
    options: CaseRecordOptions = {},
  ): Promise<ProtocolCaseDocument<S>> {
    const change = this.change(document, document.state, events, actor, options);
    const at = new Date();
    const erasure: CaseErasure | undefined =
      !document.erasure && events.some((event) => this.protocol.withdrawsConsent(event))
        ? { erasedAt: at.toISOString(), confirmedBy: [] }
        : undefined;
    const due = this.dueOf(change.state);
    await this.repository.applyChange(document, {
      state: change.state,
      timeline: change.timeline,
      outbox: change.outbox,
      ...due,
      ...(erasure ? { erasure } : {}),
      at,
    });
    // The due time and whom it waits on are the new state's: the old ones do not carry over.
    const { person, consent, due: _due, pendingOn: _pendingOn, ...kept } = document;
    const recorded: ProtocolCaseDocument<S> = {
      ...kept,
      ...(erasure ? {} : { ...(person ? { person } : {}), ...(consent ? { consent } : {}) }),
      state: change.state,
      timeline: [...document.timeline, ...change.timeline],
      outbox: erasure
        ? [...document.outbox.filter(isOutboxEntrySettled), ...change.outbox]
        : [...document.outbox, ...change.outbox],
      ...(erasure ? { erasure } : {}),
      ...due,
      version: document.version + 1,
      updatedAt: at,
    };
    this.repository.remember(recorded);
    return recorded;
  }

  private change(
    content: CaseContent,
    from: S | undefined,
    events: readonly E[],
    actor: CaseActor<E>,
    options: CaseRecordOptions,
  ): { state: S; timeline: TimelineEntry[]; outbox: OutboxEntry[] } {
    const sideOf = typeof actor === 'function' ? actor : () => actor;
    let state = from;
    const timeline: TimelineEntry[] = [];
    for (const event of events) {
      state = this.protocol.evolve(state, event);
      const detail = this.protocol.timelineDetail(event);
      timeline.push({
        at: event.data.at,
        event: event.type,
        side: sideOf(event),
        status: state.status,
        ...(detail ? { detail } : {}),
      });
    }
    if (!state) throw new Error('a change needs at least one event');
    // Only what this end decided goes to the other end; what it replayed from the other end's messages, it knows.
    const ours = events.filter((event) => sideOf(event) === state.side);
    const messages = [
      ...this.protocol.shared(from, ours, state.side).map((event) => this.protocol.messageFor(event, content)),
      ...(options.extraMessages ?? []),
    ];
    const counterpart = state.side === 'sender' ? state.toCountry : state.fromCountry;
    const outbox = messages.map((message): OutboxEntry => {
      this.validator.assertPayload(message.type, message.payload);
      return {
        envelopeId: randomUUID(),
        type: message.type,
        to: counterpart,
        caseId: content._id,
        correlationId: content._id,
        payload: message.payload,
        createdAt: new Date(),
        sentAt: null,
        deliveredAt: null,
      };
    });
    return { state, timeline, outbox };
  }

  private dueOf(state: S): { due?: Date; pendingOn?: string } {
    const dueAt = this.protocol.dueAt(state);
    const pendingOn = this.protocol.pendingOn(state);
    return {
      ...(dueAt ? { due: new Date(dueAt) } : {}),
      ...(pendingOn ? { pendingOn } : {}),
    };
  }
}
