/** Every status a referral can be in, at either end of the exchange. */
export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'delivered',
  'info-requested',
  'accepted',
  'declined',
  'withdrawn',
  'consent-withdrawn',
  'expired',
  'in-service',
  'closed',
] as const;

export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Which end of the exchange a replica of the referral belongs to: both ends run the same machine. */
export type ReferralSide = 'sender' | 'receiver';

export const REFERRAL_SIDES: readonly ReferralSide[] = ['sender', 'receiver'];

/**
 * The person's consent to the referral as the protocol needs it: what it is for, when it was recorded, until
 * when it holds and which countries may receive the data. The consent record itself (scope, how to withdraw,
 * the signed form) lives with the case, outside the protocol.
 */
export interface ReferralConsent {
  purpose: string;
  recordedAt: string;
  expiresAt?: string;
  /** Country codes the data may go to; when absent the consent names no restriction. */
  recipients?: string[];
}

export type ReferralOutcomeResult = 'successful' | 'unsuccessful';

export interface ReferralOutcome {
  result: ReferralOutcomeResult;
  /** Why the service did not succeed; always present when the result is unsuccessful. */
  reason?: string;
}

/**
 * One end's view of a referral. It holds only the protocol's own facts: the person's data lives with the case,
 * outside it, so a state can be logged, shown to the secretariat's tooling or compared across ends.
 */
export interface ReferralState {
  referralId: string;
  side: ReferralSide;
  fromCountry: string;
  toCountry: string;
  status: ReferralStatus;
  /** Sender only: the consent recorded with the draft, checked when the referral is sent. */
  consent?: ReferralConsent;
  /** When the receiver's answer is due; set once the referral is sent. */
  answerDueAt?: string;
  declineReason?: string;
  /** The receiver's open question while the referral is info-requested. */
  informationRequest?: string;
  withdrawalReason?: string;
  outcome?: ReferralOutcome;
  lastChangedAt: string;
}
