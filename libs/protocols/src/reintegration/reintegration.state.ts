/** Every status a reintegration can be in, at either end. */
export const REINTEGRATION_STATUSES = [
  'plan-pending',
  'plan-agreed',
  'in-implementation',
  'monitoring',
  'risk-review',
  'closed',
  're-referred',
  'consent-withdrawn',
] as const;

export type ReintegrationStatus = (typeof REINTEGRATION_STATUSES)[number];

/**
 * Which end issues a command or holds a replica. The receiver is the country where the person now lives and
 * runs the reintegration; the sender is the country that returned or referred the person, and holds a replica
 * only where the person consented to tell it.
 */
export type ReintegrationSide = 'receiver' | 'sender';

export const REINTEGRATION_SIDES: readonly ReintegrationSide[] = ['receiver', 'sender'];

/** The kinds of support a plan names: HTCDS spl_Type values. */
export const REINTEGRATION_SUPPORT_TYPES = [
  'Education',
  'Financial',
  'Health',
  'LabourExploitationRehabilitation',
  'Legal',
  'Livelihood',
  'RightsBasedTraining',
  'SexualExploitationRehabilitation',
  'SocialCare',
] as const;

export type ReintegrationSupportType = (typeof REINTEGRATION_SUPPORT_TYPES)[number];

export const REINTEGRATION_CLOSURE_REASONS = [
  'support-ended',
  'opted-out',
  'moved',
  'no-longer-eligible',
  'died',
] as const;

export type ReintegrationClosureReason = (typeof REINTEGRATION_CLOSURE_REASONS)[number];

export type ReintegrationWellbeing = 'stable' | 'improving' | 'deteriorating';

export type ReintegrationRiskReviewOutcome = 'continue' | 're-refer';

/**
 * The person's consent to the reintegration as the protocol checks it. Whether the sender may be told is
 * `shareWithSender`, beside it; the consent record itself (scope, how to withdraw) lives with the case.
 */
export interface ReintegrationConsent {
  purpose: string;
  recordedAt: string;
  expiresAt?: string;
}

export interface ReintegrationPlan {
  supportTypes: ReintegrationSupportType[];
  plannedEndDate: string;
  agreedAt: string;
  /** Agreed after planDueAt: a fact for the deadline reports, never a reason to refuse the plan. */
  agreedLate: boolean;
}

export interface ReintegrationFollowUp {
  /** 1 for the first follow-up report, then one more for each. */
  sequence: number;
  wellbeing: ReintegrationWellbeing;
  signsOfRetrafficking: boolean;
  at: string;
}

/** The latest risk review: opened by a follow-up that showed signs of re-trafficking. */
export interface ReintegrationRiskReview {
  openedAt: string;
  followUpSequence: number;
  resolution?: { outcome: ReintegrationRiskReviewOutcome; reason: string; at: string };
}

/**
 * One end's view of a reintegration. It holds only the protocol's own facts — statuses, dates, codes and
 * reasons as short text — never the person's data, which lives with the case outside it.
 */
export interface ReintegrationState {
  planId: string;
  side: ReintegrationSide;
  /** The sender: the country that returned or referred the person. */
  fromCountry: string;
  /** The receiver: the country where the person now lives. */
  toCountry: string;
  status: ReintegrationStatus;
  arrivedAt: string;
  /** When the plan is due to be agreed: by default one month after the arrival. */
  planDueAt: string;
  /** Days between follow-up reports, as the corridor's agreement sets it. */
  followUpIntervalDays: number;
  /** The person's consent to tell the sender: without it the sender never hears of the reintegration. */
  shareWithSender: boolean;
  consent: ReintegrationConsent;
  openedAt: string;
  plan?: ReintegrationPlan;
  implementationStartedAt?: string;
  monitoringStartedAt?: string;
  /** Follow-up reports recorded so far; the next one must carry this number plus one. */
  followUpCount: number;
  lastFollowUp?: ReintegrationFollowUp;
  /** While monitoring: when the next follow-up report is due. */
  nextFollowUpDueAt?: string;
  riskReview?: ReintegrationRiskReview;
  closure?: { reason: ReintegrationClosureReason; at: string };
  reReferral?: { reason: string; at: string };
  consentWithdrawnAt?: string;
  lastChangedAt: string;
}
