import {
  ReintegrationClosureReason,
  ReintegrationConsent,
  ReintegrationSupportType,
  ReintegrationWellbeing,
  ReintegrationRiskReviewOutcome,
} from './reintegration.state';

// Every command carries `at`, the ISO instant it happens at: the protocol never reads a clock, so the same
// commands always decide the same events.

/** What both replicas of a reintegration start from, fixed when the receiver opens it. */
export interface ReintegrationOpening {
  planId: string;
  fromCountry: string;
  toCountry: string;
  arrivedAt: string;
  /** The caller computes the default (see defaultReintegrationPlanDueAt); it may not precede the arrival. */
  planDueAt: string;
  followUpIntervalDays: number;
  shareWithSender: boolean;
  consent: ReintegrationConsent;
}

export interface OpenReintegration {
  type: 'OpenReintegration';
  data: ReintegrationOpening & { at: string };
}

/** The receiver shared the reintegration (ReintegrationOpened): this creates the sender's replica. */
export interface ReceiveReintegration {
  type: 'ReceiveReintegration';
  data: ReintegrationOpening & { openedAt: string; at: string };
}

export interface AgreePlan {
  type: 'AgreePlan';
  data: { supportTypes: ReintegrationSupportType[]; plannedEndDate: string; at: string };
}

export interface StartImplementation {
  type: 'StartImplementation';
  data: { at: string };
}

export interface StartMonitoring {
  type: 'StartMonitoring';
  data: { at: string };
}

export interface ReportFollowUp {
  type: 'ReportFollowUp';
  data: { sequence: number; wellbeing: ReintegrationWellbeing; signsOfRetrafficking: boolean; at: string };
}

export interface ResolveRiskReview {
  type: 'ResolveRiskReview';
  data: { outcome: ReintegrationRiskReviewOutcome; reason: string; at: string };
}

export interface CloseReintegration {
  type: 'CloseReintegration';
  data: { reason: ReintegrationClosureReason; at: string };
}

export interface ReReferral {
  type: 'ReReferral';
  data: { reason: string; at: string };
}

export interface WithdrawReintegrationConsent {
  type: 'WithdrawReintegrationConsent';
  data: { at: string };
}

export type ReintegrationCommand =
  | OpenReintegration
  | ReceiveReintegration
  | AgreePlan
  | StartImplementation
  | StartMonitoring
  | ReportFollowUp
  | ResolveRiskReview
  | CloseReintegration
  | ReReferral
  | WithdrawReintegrationConsent;

export type ReintegrationCommandType = ReintegrationCommand['type'];
