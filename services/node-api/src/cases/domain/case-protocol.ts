import type { ConsentRecord, ReferredPerson } from './case-content';

/** Which end of an exchange a node holds, in every protocol. */
export type CaseSide = 'sender' | 'receiver';

/** What every protocol's replica says about itself, whatever else it holds. */
export interface CaseStateBase {
  side: CaseSide;
  status: string;
  fromCountry: string;
  toCountry: string;
}

export interface CaseEventBase {
  type: string;
  data: { at: string };
}

/**
 * The content a case may carry beside its protocol state: the person and the consent (they leave the node only
 * under consent), and what the protocol keeps of the request itself (a referral's reason and services), `D`.
 */
export interface CaseContent<D = unknown> {
  readonly _id: string;
  readonly person?: ReferredPerson;
  readonly consent?: ConsentRecord;
  readonly links?: CaseLinks;
  readonly details?: D;
}

/** Other records of the same person at this node: a reintegration follows a return, a case may begin as an intake. */
export interface CaseLinks {
  returnId?: string;
  reintegrationId?: string;
  /** The intake the case was made from at this node; never sent to the other end. */
  intakeId?: string;
}

export interface OutgoingCaseMessage {
  readonly type: string;
  readonly payload: Record<string, unknown>;
}

export type ProtocolName = 'referral' | 'return' | 'reintegration';

/**
 * What the node's generic case machinery needs to know of one protocol whose messages carry its events: how a
 * replica evolves, which events the other end hears and as which message, which event a message carries back,
 * and whose turn it is until when. The protocols themselves (libs/protocols) stay pure; this is their adapter.
 */
export interface CaseProtocol<S extends CaseStateBase, E extends CaseEventBase, D = unknown> {
  readonly name: ProtocolName;
  evolve(state: S | undefined, event: E): S;
  /** The events of one decision the other end must hear, given this end's replica before the decision. */
  shared(before: S | undefined, events: readonly E[], side: CaseSide): E[];
  /**
   * The message that tells the other end of an event it must hear; undefined for an event only this end records.
   * `note` is the free note a step may carry beside the protocol's own facts (an acceptance's).
   */
  messageFor(event: E, content: CaseContent<D>, note?: string): OutgoingCaseMessage | undefined;
  /** The event a message of the other end carries, for a replica that exists; undefined for unknown types. */
  eventFor(type: string, payload: Record<string, unknown>): E | undefined;
  /** The free note a message of the other end carries beside its event, for this end's timeline. */
  noteOf?(type: string, payload: Record<string, unknown>): string | undefined;
  /**
   * True when an event of the other end does not follow the replica's state here: it came before the step it
   * follows, and its message waits for that step instead of being refused. Without it, every event is applied.
   */
  isOutOfOrder?(state: S, event: E): boolean;
  /** The fields of the case's details that may name the person: they rest sealed with the person's data. */
  readonly sealedDetails?: readonly string[];
  /** The case id a message's payload names. */
  caseIdOf(payload: Record<string, unknown>): string | undefined;
  /** When the step the case waits on is due, and on whom it waits; undefined once it waits on nothing. */
  dueAt(state: S): string | undefined;
  pendingOn(state: S): CaseSide | undefined;
  /** A short note for the timeline (a reason, an outcome, the note a step came with); never logged. */
  timelineDetail(event: E, note?: string): string | undefined;
  /** True for the event that records the withdrawal of the person's consent: the node then erases. */
  withdrawsConsent(event: E): boolean;
}
