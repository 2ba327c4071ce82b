import type { OutboxEntry } from '@enlace/store';
import type { ConsentRecord, ReferredPerson, TimelineEntry } from '../domain/case-content';
import type { CaseLinks, ProtocolName } from '../domain/case-protocol';

export type CaseDirection = 'outgoing' | 'incoming';

/** The erasure of the person's data after consent was withdrawn: when here, and which other nodes confirmed. */
export interface CaseErasure {
  erasedAt: string;
  confirmedBy: { country: string; at: string }[];
}

/**
 * One case of a protocol (referral, return, reintegration), as this node keeps it: the replica of the protocol
 * state, what the protocol keeps of the request (`details`), the person's data while consent allows, the timeline,
 * and the outbox written in the same transaction as the change that produced it.
 */
export interface ProtocolCaseDocument<S, D = unknown> {
  _id: string;
  protocol: ProtocolName;
  direction: CaseDirection;
  state: S;
  person?: ReferredPerson;
  consent?: ConsentRecord;
  links?: CaseLinks;
  /**
   * The protocol's own content beside its state (a referral's reason, services and urgency). The fields that may
   * name the person (the protocol's `sealedDetails`) rest sealed with the person's data and go with it.
   */
  details?: D;
  timeline: TimelineEntry[];
  /** The case's messages, sent or waiting, from the outbox table (headers only). */
  outbox: OutboxEntry[];
  /** When the step the case waits on is due, as a date so the database can find overdue cases by index. */
  due?: Date;
  /** Which end that step waits on. */
  pendingOn?: string;
  /** The due time last announced as overdue, so that each overdue step is announced once. */
  announcedDue?: Date;
  erasure?: CaseErasure;
  /** The agency of the node that owns the case; absent on rows from before agencies (the gateway agency's). */
  agency?: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
