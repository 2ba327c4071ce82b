import { randomUUID } from 'node:crypto';
import type { MessageValidator } from '@enlace/contracts';
import { isOutboxEntrySettled, type OutboxEntry } from '@enlace/store';
import type { TimelineEntry } from '../domain/case-content';
import type { CaseContent, CaseEventBase, CaseProtocol, CaseSide, CaseStateBase } from '../domain/case-protocol';
import type { CaseDirection, CaseErasure, ProtocolCaseDocument } from '../persistence/protocol-case.document';
import type { ProtocolCaseRepository } from '../persistence/protocol-case.repository';
import type { CaseAuditTrail } from './case-audit-trail';
import type { AgencyScope } from '../../agencies/agency-scope';

/** A new case before its first events: what it is about, not yet where it stands. */
export type NewProtocolCase<D = unknown> = CaseContent<D> & {
  readonly direction: CaseDirection;
  /** The owning agency, when not the caller's (a case made from an intake is the intake's agency's). */
  readonly agency?: string;
};

/** Who decided the events: one side, or per event when a change mixes both (a request received and delivered). */
export type CaseActor<E> = CaseSide | ((event: E) => CaseSide);

export interface CaseRecordOptions {
  /** A free note that came with the step (an acceptance's), for the timeline and the other end's message. */
  readonly note?: string;
  /** Extra messages this change sends beside the protocol's own (an erasure confirmation). */
  readonly extraMessages?: readonly { type: string; payload: Record<string, unknown> }[];
}

/**
 * Writes the events decided on a case of one protocol: the new state, the timeline and — in the same
 * transaction — the messages the other end must hear, each checked against its contract before it
 * enters the outbox, and the audit record of the user's request that made the change (`trail`). When the events
 * withdraw the person's consent, the same write erases the person's data.
 */
export class ProtocolCaseWriter<S extends CaseStateBase, E extends CaseEventBase, D = unknown> {
  constructor(
    private readonly protocol: CaseProtocol<S, E, D>,
    private readonly repository: ProtocolCaseRepository<S, D>,
    private readonly validator: MessageValidator,
    private readonly trail: CaseAuditTrail = { around: (write) => write() },
    /** Whose agency a request acts for: only the gateway agency's focal points send across the border. */
    private readonly scope?: AgencyScope,
  ) {}

  async create(
    base: NewProtocolCase<D>,
    events: readonly E[],
    actor: CaseActor<E>,
    options: CaseRecordOptions = {},
  ): Promise<{ result: 'inserted' | 'exists'; document: ProtocolCaseDocument<S, D> }> {
    const now = new Date();
    const change = this.change(base, undefined, events, actor, options);
    const document: ProtocolCaseDocument<S, D> = {
      _id: base._id,
      protocol: this.protocol.name,
      direction: base.direction,
      state: change.state,
      ...(base.person ? { person: base.person } : {}),
      ...(base.consent ? { consent: base.consent } : {}),
      ...(base.links ? { links: base.links } : {}),
      ...(base.details !== undefined ? { details: base.details } : {}),
      ...this.ownerOf(base),
      timeline: change.timeline,
      outbox: change.outbox,
      ...this.dueOf(change.state),
      version: 0,
      createdAt: now,
      updatedAt: now,
    };
    const result = await this.trail.around(() => this.repository.insert(document));
    if (result === 'inserted') this.repository.remember(document);
    return { result, document };
  }

  async record(
    document: ProtocolCaseDocument<S, D>,
    events: readonly E[],
    actor: CaseActor<E>,
    options: CaseRecordOptions = {},
  ): Promise<ProtocolCaseDocument<S, D>> {
    const change = this.change(document, document.state, events, actor, options);
    const at = new Date();
    const erasure: CaseErasure | undefined =
      !document.erasure && events.some((event) => this.protocol.withdrawsConsent(event))
        ? { erasedAt: at.toISOString(), confirmedBy: [] }
        : undefined;
    const due = this.dueOf(change.state);
    await this.trail.around(() =>
      this.repository.applyChange(document, {
        state: change.state,
        timeline: change.timeline,
        outbox: change.outbox,
        ...due,
        ...(erasure ? { erasure } : {}),
        at,
      }),
    );
    // The due time and whom it waits on are the new state's: the old ones do not carry over.
    const { person, consent, details, due: _due, pendingOn: _pendingOn, ...kept } = document;
    const recorded: ProtocolCaseDocument<S, D> = {
      ...kept,
      ...(erasure ? {} : { ...(person ? { person } : {}), ...(consent ? { consent } : {}) }),
      ...(details === undefined ? {} : { details: erasure ? this.withoutSealedDetails(details) : details }),
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

  /** The agency that owns a new case: the one given, else the caller's (the gateway's for the node's own work). */
  private ownerOf(base: NewProtocolCase<D>): { agency?: string } {
    const agency = base.agency ?? this.scope?.ownerOfNew();
    return agency ? { agency } : {};
  }

  /** The details once the person's data are erased: the fields that may name the person went with them. */
  private withoutSealedDetails(details: D): D {
    const sealed = this.protocol.sealedDetails ?? [];
    return Object.fromEntries(
      Object.entries(details as Record<string, unknown>).filter(([field]) => !sealed.includes(field)),
    ) as D;
  }

  private change(
    content: CaseContent<D>,
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
      const detail = this.protocol.timelineDetail(event, options.note);
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
      ...this.protocol
        .shared(from, ours, state.side)
        .flatMap((event) => this.protocol.messageFor(event, content, options.note) ?? []),
      ...(options.extraMessages ?? []),
    ];
    // The sending country's steps need `case.write`, the receiving one's `case.answer`: both a focal point's.
    if (messages.length > 0)
      this.scope?.assertMaySendAcrossBorder(state.side === 'sender' ? 'case.write' : 'case.answer');
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
