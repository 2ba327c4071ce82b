import type { ConsentRecord, ReferredPerson } from '../../cases/domain/case-content';

export type ExportedProtocol = 'referral' | 'return' | 'reintegration' | 'intake';

/** HTCDS cas_Status values. */
export type HtcdsCaseStatus = 'Active' | 'FollowUp' | 'Closed' | 'ClosedReferred';

/** One case of this node as the HTCDS export sees it, whatever its protocol. */
export interface ExportedCase {
  readonly protocol: ExportedProtocol;
  readonly id: string;
  /** Absent for an intake: it never leaves this node. */
  readonly direction?: 'outgoing' | 'incoming';
  readonly fromCountry?: string;
  readonly toCountry?: string;
  /** The protocol's own status, e.g. accepted, travel-scheduled, monitoring. */
  readonly status: string;
  readonly htcdsStatus: HtcdsCaseStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Absent once erased after consent was withdrawn. */
  readonly person?: ReferredPerson;
  readonly consent?: ConsentRecord;
  readonly erasedAt?: string;
  /** The referral's reason (HTCDS cas_ReasonFor{Outgoing,Incoming}Referral) and its details, for referrals. */
  readonly referralReason?: string;
  readonly referralDetails?: string;
  /** Why the case closed (HTCDS cas_ReasonForCaseClosure), where the protocol records one. */
  readonly closureReason?: string;
}
