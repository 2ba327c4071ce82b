import { CaseCollections } from '@enlace/store';
import type { ReferralState } from '@enlace/protocols';
import type { OutboxEntry } from '@enlace/store';

export type ReferralDirection = 'outgoing' | 'incoming';

/** The person the referral is about: personal data, held only by the two nodes of the exchange. */
export interface ReferredPerson {
  firstName: string;
  middleName?: string;
  secondName?: string;
  birthdate?: string;
  gender?: string;
  nationality?: string;
}

export interface ConsentRecord {
  purpose: string;
  scope: string[];
  recipients?: string[];
  recordedAt: string;
  expiresAt?: string;
}

export interface ReferralDetails {
  reason: string;
  reasonDetails?: string;
  servicesRequested: string[];
  urgency: string;
}

/** What happened, when, and on which side of the exchange; no personal data. */
export interface TimelineEntry {
  at: string;
  event: string;
  side: 'sender' | 'receiver';
  status: string;
  detail?: string;
}

/** One referral as this node keeps it: the same id and, once delivered, the same status at both ends. */
export interface ReferralCaseDocument {
  _id: string;
  direction: ReferralDirection;
  state: ReferralState;
  details: ReferralDetails;
  person?: ReferredPerson;
  consent?: ConsentRecord;
  timeline: TimelineEntry[];
  /** Envelopes already applied to this case: applying one again changes nothing. */
  appliedEnvelopeIds: string[];
  outbox: OutboxEntry[];
  outboxPending: number;
  /** state.answerDueAt as a date, kept beside it so that the database can find overdue referrals by index. */
  answerDue?: Date;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const REFERRALS_COLLECTION = CaseCollections.referrals;
