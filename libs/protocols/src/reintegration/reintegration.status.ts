import { ReintegrationStatus } from './reintegration.state';

/** Statuses a reintegration rests in for good: only the withdrawal of consent still changes them. */
export const REINTEGRATION_TERMINAL_STATUSES: readonly ReintegrationStatus[] = [
  'closed',
  're-referred',
  'consent-withdrawn',
];

/** Statuses in which the reintegration is still in progress; it must end in a terminal one. */
export const REINTEGRATION_OPEN_STATUSES: readonly ReintegrationStatus[] = [
  'plan-pending',
  'plan-agreed',
  'in-implementation',
  'monitoring',
  'risk-review',
];

export function isReintegrationTerminal(status: ReintegrationStatus): boolean {
  return REINTEGRATION_TERMINAL_STATUSES.includes(status);
}

export function isReintegrationOpen(status: ReintegrationStatus): boolean {
  return REINTEGRATION_OPEN_STATUSES.includes(status);
}

/** HTCDS cas_Status values, for the export of a node's cases. */
export type HtcdsCaseStatus = 'Active' | 'FollowUp' | 'Closed' | 'ClosedReferred';

const HTCDS_CASE_STATUS: Readonly<Record<ReintegrationStatus, HtcdsCaseStatus>> = {
  'plan-pending': 'Active',
  'plan-agreed': 'Active',
  'in-implementation': 'Active',
  monitoring: 'FollowUp',
  // A risk review happens during follow-up: the case is not active support again until it is resolved.
  'risk-review': 'FollowUp',
  closed: 'Closed',
  're-referred': 'ClosedReferred',
  'consent-withdrawn': 'Closed',
};

export function reintegrationHtcdsCaseStatus(status: ReintegrationStatus): HtcdsCaseStatus {
  return HTCDS_CASE_STATUS[status];
}
