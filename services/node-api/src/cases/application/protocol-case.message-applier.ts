import type { InboxEntry } from '@enlace/store';
import { APPLIED, ApplyOutcome, InboxMessageApplier } from '../../inbox/inbox-message.applier';
import type { CaseEventBase, CaseProtocol, CaseSide, CaseStateBase } from '../domain/case-protocol';
import { ERASURE_CONFIRMED_TYPE, erasureConfirmationOf } from '../domain/erasure-confirmation';
import type { ProtocolCaseDocument } from '../persistence/protocol-case.document';
import type { ProtocolCaseRepository } from '../persistence/protocol-case.repository';
import type { NewProtocolCase, ProtocolCaseWriter } from './protocol-case.writer';

/** How a protocol's first message creates the replica at this end. */
export interface CaseReception<E, D = unknown> {
  readonly base: NewProtocolCase<D>;
  readonly events: readonly E[];
  /** Who decided each event: the other end its own, this end the arrival. */
  readonly sideOf: (event: E) => CaseSide;
}

export interface ProtocolInboundRules<S, E, D = unknown> {
  /** The message type that creates the replica here. */
  readonly creatingType: string;
  /** The replica a creating message starts, or why it cannot; rule violations may be thrown. */
  receive(entry: InboxEntry, payload: Record<string, unknown>): CaseReception<E, D> | ApplyOutcome;
  /** Events a delivery receipt of one of this end's messages means (the delivery of a request). */
  deliveryEvents?(state: S, receiptedType: string, receiptedEnvelopeId: string, at: string): E[];
}

const counterpartSide = (side: CaseSide): CaseSide => (side === 'sender' ? 'receiver' : 'sender');

/**
 * Applies the messages of a protocol whose messages carry its events: the first creates the replica, each next
 * one is the other end's event, evolved on the replica here. The inbox applier runs this in the transaction that
 * marks the message applied, so that each message takes effect once; only the other end of the case may change it.
 * A message that came before the step it follows (the protocol's `isOutOfOrder`), or before the message that creates
 * its case here, waits for it, as long as that takes. A withdrawal of
 * consent erases the person's data in the same write and confirms the erasure to the other end.
 */
export class ProtocolCaseMessageApplier<
  S extends CaseStateBase,
  E extends CaseEventBase,
  D = unknown,
> implements InboxMessageApplier {
  constructor(
    private readonly protocol: CaseProtocol<S, E, D>,
    private readonly repository: ProtocolCaseRepository<S, D>,
    private readonly writer: ProtocolCaseWriter<S, E, D>,
    private readonly rules: ProtocolInboundRules<S, E, D>,
    private readonly country: string,
  ) {}

  handles(type: string): boolean {
    return type.startsWith(`${this.protocol.name}.`);
  }

  get protocolName(): string {
    return this.protocol.name;
  }

  async apply(entry: InboxEntry): Promise<ApplyOutcome> {
    const payload = entry.payload ?? {};
    if (entry.type === this.rules.creatingType) return this.receive(entry, payload);
    if (entry.type === ERASURE_CONFIRMED_TYPE) return this.confirmErasure(entry, payload);
    const event = this.protocol.eventFor(entry.type, payload);
    if (!event) return { applied: false, code: 'UNSUPPORTED_TYPE', detail: `no handler for ${entry.type}` };
    const document = await this.repository.findById(entry.caseId);
    // A step of a case whose first message has not arrived (a copy delivered out of order) waits for it.
    if (!document) return { ...unknownCase(this.protocol.name, entry.caseId), deferred: true };
    const refused = this.refuseStranger(document, entry) ?? this.refuseMismatch(entry, payload);
    if (refused) return refused;
    if (this.protocol.isOutOfOrder?.(document.state, event)) {
      return {
        applied: false,
        deferred: true,
        code: 'OUT_OF_ORDER',
        detail: `${entry.type} does not follow status ${document.state.status}`,
      };
    }
    const note = this.protocol.noteOf?.(entry.type, payload);
    const erases = this.protocol.withdrawsConsent(event) && !document.erasure;
    await this.writer.record(document, [event], counterpartSide(document.state.side), {
      ...(note ? { note } : {}),
      ...(erases
        ? { extraMessages: [erasureConfirmationOf(this.protocol.name, document._id, this.country, new Date())] }
        : {}),
    });
    return APPLIED;
  }

  async applyReceipt(entry: InboxEntry): Promise<ApplyOutcome> {
    const document = await this.repository.findById(entry.caseId);
    if (!document) return unknownCase(this.protocol.name, entry.caseId);
    const refused = this.refuseStranger(document, entry);
    if (refused) return refused;
    const receiptedId = String(entry.payload?.['receivedEnvelopeId']);
    await this.repository.markOutboxDelivered(document._id, receiptedId, entry.receivedAt);
    const receipted = document.outbox.find((item) => item.envelopeId === receiptedId);
    if (!receipted || !this.rules.deliveryEvents) return APPLIED;
    const events = this.rules.deliveryEvents(
      document.state,
      receipted.type,
      receiptedId,
      entry.receivedAt.toISOString(),
    );
    if (events.length > 0) await this.writer.record(document, events, counterpartSide(document.state.side));
    return APPLIED;
  }

  private async receive(entry: InboxEntry, payload: Record<string, unknown>): Promise<ApplyOutcome> {
    if (this.protocol.caseIdOf(payload) !== entry.caseId) return caseMismatch(this.protocol.name);
    const reception = this.rules.receive(entry, payload);
    if ('applied' in reception) return reception;
    const { result } = await this.writer.create(reception.base, reception.events, reception.sideOf);
    // The inbox holds each envelope once and marks it applied with the case it made: a case already here with
    // this id is another's.
    if (result === 'exists') {
      return {
        applied: false,
        code: 'DUPLICATE_CASE',
        detail: `a ${this.protocol.name} with this id already exists here`,
      };
    }
    return APPLIED;
  }

  private async confirmErasure(entry: InboxEntry, payload: Record<string, unknown>): Promise<ApplyOutcome> {
    const document = await this.repository.findById(entry.caseId);
    if (!document) return unknownCase(this.protocol.name, entry.caseId);
    const refused = this.refuseStranger(document, entry);
    if (refused) return refused;
    if (!document.erasure?.confirmedBy.some((confirmation) => confirmation.country === entry.from)) {
      await this.repository.recordErasureConfirmation(document._id, entry.from, erasedAtOf(entry, payload));
    }
    return APPLIED;
  }

  /** Only the other end of this case may change it: a member that learnt the id from a header must not. */
  private refuseStranger(document: ProtocolCaseDocument<S, D>, entry: InboxEntry): ApplyOutcome | undefined {
    const { state } = document;
    const counterpart = state.side === 'sender' ? state.toCountry : state.fromCountry;
    if (entry.from === counterpart) return undefined;
    return {
      applied: false,
      code: 'WRONG_COUNTERPART',
      detail: `${entry.from} is not the other end of this ${this.protocol.name}`,
    };
  }

  private refuseMismatch(entry: InboxEntry, payload: Record<string, unknown>): ApplyOutcome | undefined {
    return this.protocol.caseIdOf(payload) === entry.caseId ? undefined : caseMismatch(this.protocol.name);
  }
}

/** When the other end erased: as its confirmation says, or — kept without payload, this case erased too — sent. */
export function erasedAtOf(entry: InboxEntry, payload: Record<string, unknown>): string {
  return typeof payload['erasedAt'] === 'string' ? payload['erasedAt'] : entry.sentAt.toISOString();
}

function unknownCase(protocol: string, caseId: string): ApplyOutcome & { applied: false } {
  return { applied: false, code: 'UNKNOWN_CASE', detail: `no ${protocol} ${caseId} on this node` };
}

function caseMismatch(protocol: string): ApplyOutcome {
  return { applied: false, code: 'CASE_MISMATCH', detail: `the message names another ${protocol} than its envelope` };
}
