import {
  ReintegrationCommand,
  ReintegrationCommandType,
  ReintegrationOpening,
} from '../reintegration/reintegration.commands';
import { ReintegrationEvent } from '../reintegration/reintegration.events';
import {
  REINTEGRATION_STATUSES,
  ReintegrationClosureReason,
  ReintegrationConsent,
  ReintegrationSide,
  ReintegrationStatus,
  ReintegrationWellbeing,
} from '../reintegration/reintegration.state';

// The reintegration in Bolivia of a person Argentina returned, on a fixed timeline: the protocol never reads the
// clock, neither do tests. Bolivia (the receiver) runs it; Argentina (the sender) is told, with consent.
export const PLAN_ID = '8e4d2b7a-1c63-4f0e-b5a9-7d2c6e1f3a90';
export const FROM_COUNTRY = 'AR';
export const TO_COUNTRY = 'BO';
export const ARRIVED_AT = '2025-05-20T18:00:00.000Z';
export const OPENED_AT = '2025-05-21T09:00:00.000Z';
export const RECEIVED_AT = '2025-05-21T09:00:05.000Z';
/** One month after the arrival: the default. */
export const PLAN_DUE_AT = '2025-06-20T18:00:00.000Z';
export const AGREED_AT = '2025-06-10T10:00:00.000Z';
export const LATE_AGREED_AT = '2025-06-25T10:00:00.000Z';
export const PLANNED_END_DATE = '2025-12-20T00:00:00.000Z';
export const IMPLEMENTATION_AT = '2025-06-12T10:00:00.000Z';
export const MONITORING_AT = '2025-07-01T10:00:00.000Z';
export const INTERVAL_DAYS = 30;
export const FIRST_FOLLOW_UP_DUE_AT = '2025-07-31T10:00:00.000Z';
export const FIRST_FOLLOW_UP_AT = '2025-07-30T10:00:00.000Z';
export const SECOND_FOLLOW_UP_DUE_AT = '2025-08-29T10:00:00.000Z';
/** Any later step: a risk review's resolution, a closing, a re-referral, a withdrawal of consent. */
export const STEP_AT = '2025-08-05T10:00:00.000Z';
export const NEXT_AFTER_STEP_DUE_AT = '2025-09-04T10:00:00.000Z';
export const RE_REFERRAL_REASON = 'needs specialised care another programme gives';
export const RISK_CONTINUE_REASON = 'safety plan agreed with the family';

export const CONSENT: ReintegrationConsent = {
  purpose: 'reintegration support and follow-up',
  recordedAt: '2025-05-21T08:30:00.000Z',
  expiresAt: '2026-05-21T00:00:00.000Z',
};

export const OPENING: ReintegrationOpening = {
  planId: PLAN_ID,
  fromCountry: FROM_COUNTRY,
  toCountry: TO_COUNTRY,
  arrivedAt: ARRIVED_AT,
  planDueAt: PLAN_DUE_AT,
  followUpIntervalDays: INTERVAL_DAYS,
  shareWithSender: true,
  consent: CONSENT,
};

const id = { planId: PLAN_ID };

export interface FollowUpFixture {
  signsOfRetrafficking?: boolean;
  wellbeing?: ReintegrationWellbeing;
  at?: string;
  nextFollowUpDueAt?: string;
}

export const reintegrationEvents = {
  opened: (opening: Partial<ReintegrationOpening> = {}): ReintegrationEvent => ({
    type: 'ReintegrationOpened',
    data: { ...OPENING, ...opening, at: OPENED_AT },
  }),
  received: (): ReintegrationEvent => ({
    type: 'ReintegrationReceived',
    data: { ...OPENING, openedAt: OPENED_AT, at: RECEIVED_AT },
  }),
  planAgreed: (late = false): ReintegrationEvent => ({
    type: 'ReintegrationPlanAgreed',
    data: {
      ...id,
      supportTypes: ['Health', 'Livelihood'],
      plannedEndDate: PLANNED_END_DATE,
      agreedLate: late,
      at: late ? LATE_AGREED_AT : AGREED_AT,
    },
  }),
  implementationStarted: (): ReintegrationEvent => ({
    type: 'ImplementationStarted',
    data: { ...id, at: IMPLEMENTATION_AT },
  }),
  monitoringStarted: (): ReintegrationEvent => ({
    type: 'MonitoringStarted',
    data: { ...id, nextFollowUpDueAt: FIRST_FOLLOW_UP_DUE_AT, at: MONITORING_AT },
  }),
  followUp: (sequence = 1, fixture: FollowUpFixture = {}): ReintegrationEvent => {
    const signsOfRetrafficking = fixture.signsOfRetrafficking ?? false;
    const at = fixture.at ?? FIRST_FOLLOW_UP_AT;
    const next = signsOfRetrafficking
      ? {}
      : { nextFollowUpDueAt: fixture.nextFollowUpDueAt ?? SECOND_FOLLOW_UP_DUE_AT };
    return {
      type: 'FollowUpReported',
      data: { ...id, sequence, wellbeing: fixture.wellbeing ?? 'stable', signsOfRetrafficking, ...next, at },
    };
  },
  riskContinued: (): ReintegrationEvent => ({
    type: 'RiskReviewResolved',
    data: {
      ...id,
      outcome: 'continue',
      reason: RISK_CONTINUE_REASON,
      nextFollowUpDueAt: NEXT_AFTER_STEP_DUE_AT,
      at: STEP_AT,
    },
  }),
  riskReReferred: (): ReintegrationEvent => ({
    type: 'RiskReviewResolved',
    data: { ...id, outcome: 're-refer', reason: RE_REFERRAL_REASON, at: STEP_AT },
  }),
  closed: (reason: ReintegrationClosureReason = 'support-ended'): ReintegrationEvent => ({
    type: 'ReintegrationClosed',
    data: { ...id, reason, at: STEP_AT },
  }),
  reReferred: (): ReintegrationEvent => ({
    type: 'ReintegrationReReferred',
    data: { ...id, reason: RE_REFERRAL_REASON, at: STEP_AT },
  }),
  consentWithdrawn: (): ReintegrationEvent => ({ type: 'ReintegrationConsentWithdrawn', data: { ...id, at: STEP_AT } }),
};

const e = reintegrationEvents;
const signs = (): ReintegrationEvent => e.followUp(1, { signsOfRetrafficking: true, wellbeing: 'deteriorating' });

/** The receiver's history to each status; the sender's starts with its receipt of the opening instead. */
const RECEIVER_HISTORIES: Record<ReintegrationStatus, ReintegrationEvent[]> = (() => {
  const agreed = [e.opened(), e.planAgreed()];
  const implementing = [...agreed, e.implementationStarted()];
  const monitoring = [...implementing, e.monitoringStarted()];
  return {
    'plan-pending': [e.opened()],
    'plan-agreed': agreed,
    'in-implementation': implementing,
    monitoring,
    'risk-review': [...monitoring, signs()],
    closed: [...monitoring, e.closed()],
    're-referred': [...implementing, e.reReferred()],
    'consent-withdrawn': [...monitoring, e.consentWithdrawn()],
  };
})();

/** Both ends' replicas can hold every status: the sender's follows the receiver's as its events arrive. */
export const STATUSES_BY_SIDE: Record<ReintegrationSide, readonly ReintegrationStatus[]> = {
  receiver: REINTEGRATION_STATUSES,
  sender: REINTEGRATION_STATUSES,
};

/** The events that bring one end's replica to `status`. */
export function historyOf(status: ReintegrationStatus, side: ReintegrationSide): ReintegrationEvent[] {
  const history = RECEIVER_HISTORIES[status];
  return side === 'receiver' ? history : [e.received(), ...history.slice(1)];
}

export type ReintegrationVariant = 'positive' | 'negative';

/**
 * A command of each type whose data passes every data rule, so only side and status decide its fate. The
 * negative variant reports signs of re-trafficking, or resolves a risk review with a re-referral.
 */
export function validCommand(
  type: ReintegrationCommandType,
  variant: ReintegrationVariant = 'positive',
): ReintegrationCommand {
  const negative = variant === 'negative';
  switch (type) {
    case 'OpenReintegration':
      return { type, data: { ...OPENING, at: OPENED_AT } };
    case 'ReceiveReintegration':
      return { type, data: { ...OPENING, openedAt: OPENED_AT, at: RECEIVED_AT } };
    case 'AgreePlan':
      return {
        type,
        data: { supportTypes: ['Health', 'Livelihood'], plannedEndDate: PLANNED_END_DATE, at: AGREED_AT },
      };
    case 'StartImplementation':
      return { type, data: { at: IMPLEMENTATION_AT } };
    case 'StartMonitoring':
      return { type, data: { at: MONITORING_AT } };
    case 'ReportFollowUp':
      return negative
        ? {
            type,
            data: { sequence: 1, wellbeing: 'deteriorating', signsOfRetrafficking: true, at: FIRST_FOLLOW_UP_AT },
          }
        : { type, data: { sequence: 1, wellbeing: 'stable', signsOfRetrafficking: false, at: FIRST_FOLLOW_UP_AT } };
    case 'ResolveRiskReview':
      return negative
        ? { type, data: { outcome: 're-refer', reason: RE_REFERRAL_REASON, at: STEP_AT } }
        : { type, data: { outcome: 'continue', reason: RISK_CONTINUE_REASON, at: STEP_AT } };
    case 'CloseReintegration':
      return { type, data: { reason: 'support-ended', at: STEP_AT } };
    case 'ReReferral':
      return { type, data: { reason: RE_REFERRAL_REASON, at: STEP_AT } };
    case 'WithdrawReintegrationConsent':
      return { type, data: { at: STEP_AT } };
  }
}
