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
  /** The referral's messages, sent or waiting, from the outbox table (headers only). */
  outbox: OutboxEntry[];
  /** The answer due time last announced as overdue to the network, so that it is announced once. */
  announcedDue?: Date;
  /** The erasure of the person's data after consent was withdrawn, with the other end's confirmation. */
  erasure?: CaseErasure;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
