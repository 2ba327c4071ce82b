import { CaseCollections } from '@enlace/store';
import type { ReferralState } from '@enlace/protocols';
import type { OutboxEntry } from '@enlace/store';
import type { ConsentRecord, ReferredPerson, TimelineEntry } from '../../cases/domain/case-content';
import type { CaseErasure } from '../../cases/persistence/protocol-case.document';

export type { ConsentRecord, ReferredPerson, TimelineEntry };

export type ReferralDirection = 'outgoing' | 'incoming';

export interface ReferralDetails {
  reason: string;
  reasonDetails?: string;
  servicesRequested: string[];
  urgency: string;
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
  /** The answer due time last announced as overdue to the network, so that it is announced once. */
  announcedDue?: Date;
  /** The erasure of the person's data after consent was withdrawn, with the other end's confirmation. */
  erasure?: CaseErasure;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const REFERRALS_COLLECTION = CaseCollections.referrals;

/**
 * A referral as it rests in the database: the person, the consent record, the request's free text and the
 * consent's purpose in the protocol state are one ciphertext (`personal`) under the case's key; outbox payloads
 * are sealed the same way.
 */
export type StoredReferralCase = Omit<ReferralCaseDocument, 'person' | 'consent'> & {
  personal?: string;
  /** Referrals written before personal data were sealed may still hold them in clear. */
  person?: ReferredPerson;
  consent?: ConsentRecord;
};
