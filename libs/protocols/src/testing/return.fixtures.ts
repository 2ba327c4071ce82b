import { ReturnCommand, ReturnCommandType } from '../return/return.commands';
import { ReturnEvent } from '../return/return.events';
import { RETURN_STATUSES, ReturnConsent, ReturnSide, ReturnStatus } from '../return/return.state';

// One return from Argentina to Bolivia, on a fixed timeline: the protocol never reads the clock, neither do
// tests. The same return is that of an adult or of an unaccompanied child (the strictest case).
export type ReturnKind = 'adult' | 'child';

export const RETURN_KINDS: readonly ReturnKind[] = ['adult', 'child'];

export const RETURN_ID = '3b8f0c1e-6a2d-4e57-9c14-8d2a7f5e0b63';
export const FROM_COUNTRY = 'AR';
export const TO_COUNTRY = 'BO';
export const DECIDED_AT = '2025-03-28T15:00:00.000Z';
export const REQUESTED_AT = '2025-04-01T09:00:00.000Z';
export const DELIVERED_AT = '2025-04-01T09:00:05.000Z';
export const ANSWER_DUE_AT = '2025-04-15T09:00:00.000Z';
export const STEP_AT = '2025-04-10T10:00:00.000Z';
export const NEXT_DUE_AT = '2025-04-24T10:00:00.000Z';
export const TRAVEL_DATE = '2025-05-20T08:00:00.000Z';
export const ROUTE = 'EZE-VVI by air';
export const ENVELOPE_ID = '5c2e9a71-0d4b-4f83-a6e2-1b7d3c9f8e40';

export const CONSENT: ReturnConsent = {
  purpose: 'voluntary return to the country of origin',
  recordedAt: '2025-03-28T15:30:00.000Z',
  expiresAt: '2025-12-31T23:59:59.000Z',
  recipients: [TO_COUNTRY],
};

const id = { returnId: RETURN_ID };
const next = { nextDueAt: NEXT_DUE_AT };
const childFlags = (kind: ReturnKind) => ({ isChild: kind === 'child', unaccompanied: kind === 'child' });
const request = (kind: ReturnKind) => ({
  ...id,
  fromCountry: FROM_COUNTRY,
  toCountry: TO_COUNTRY,
  ...childFlags(kind),
  answerDueAt: ANSWER_DUE_AT,
  informedDecisionRecordedAt: DECIDED_AT,
  consent: CONSENT,
});

export const returnEvents = {
  requested: (kind: ReturnKind = 'adult'): ReturnEvent => ({
    type: 'ReturnRequested',
    data: { ...request(kind), at: REQUESTED_AT },
  }),
  received: (kind: ReturnKind = 'adult'): ReturnEvent => ({
    type: 'ReturnRequestReceived',
    data: { ...request(kind), requestedAt: REQUESTED_AT, envelopeId: ENVELOPE_ID, at: DELIVERED_AT },
  }),
  delivered: (): ReturnEvent => ({
    type: 'ReturnRequestDelivered',
    data: { ...id, envelopeId: ENVELOPE_ID, at: DELIVERED_AT },
  }),
  nationalityConfirmed: (): ReturnEvent => ({
    type: 'NationalityVerified',
    data: { ...id, outcome: 'confirmed', ...next, at: STEP_AT },
  }),
  nationalityNotConfirmed: (): ReturnEvent => ({
    type: 'NationalityVerified',
    data: { ...id, outcome: 'not-confirmed', reason: 'no civil registry record', at: STEP_AT },
  }),
  safe: (): ReturnEvent => ({ type: 'RiskAssessed', data: { ...id, result: 'safe', ...next, at: STEP_AT } }),
  notSafe: (): ReturnEvent => ({
    type: 'RiskAssessed',
    data: { ...id, result: 'not-safe', reason: 'recruiters active at the place of return', at: STEP_AT },
  }),
  guardianAppointed: (): ReturnEvent => ({ type: 'GuardianAppointed', data: { ...id, ...next, at: STEP_AT } }),
  bestInterestsInFavour: (): ReturnEvent => ({
    type: 'BestInterestsDetermined',
    data: { ...id, result: 'in-favour', ...next, at: STEP_AT },
  }),
  bestInterestsAgainst: (): ReturnEvent => ({
    type: 'BestInterestsDetermined',
    data: { ...id, result: 'against', reason: 'return is not in the best interests', at: STEP_AT },
  }),
  familySuitable: (): ReturnEvent => ({
    type: 'FamilyAssessed',
    data: { ...id, result: 'suitable', ...next, at: STEP_AT },
  }),
  familyUnsuitable: (): ReturnEvent => ({
    type: 'FamilyAssessed',
    data: { ...id, result: 'unsuitable', reason: 'family involved in the exploitation', at: STEP_AT },
  }),
  planProposed: (): ReturnEvent => ({ type: 'ReceptionPlanProposed', data: { ...id, ...next, at: STEP_AT } }),
  planConfirmed: (): ReturnEvent => ({ type: 'ReceptionPlanConfirmed', data: { ...id, ...next, at: STEP_AT } }),
  planRejected: (): ReturnEvent => ({
    type: 'ReceptionPlanRejected',
    data: { ...id, reason: 'no shelter place for the first weeks', ...next, at: STEP_AT },
  }),
  documentsIssued: (): ReturnEvent => ({ type: 'TravelDocumentsIssued', data: { ...id, ...next, at: STEP_AT } }),
  travelScheduled: (): ReturnEvent => ({
    type: 'TravelScheduled',
    data: {
      ...id,
      travelDate: TRAVEL_DATE,
      route: ROUTE,
      escort: { role: 'social-worker', organisation: 'child protection office' },
      ...next,
      at: STEP_AT,
    },
  }),
  departed: (): ReturnEvent => ({ type: 'DepartureRecorded', data: { ...id, ...next, at: STEP_AT } }),
  noShow: (): ReturnEvent => ({
    type: 'NoShowRecorded',
    data: { ...id, reason: 'did not come to the airport', ...next, at: STEP_AT },
  }),
  arrived: (): ReturnEvent => ({ type: 'ArrivalRecorded', data: { ...id, ...next, at: STEP_AT } }),
  handedOver: (): ReturnEvent => ({ type: 'HandedOverToReintegration', data: { ...id, at: STEP_AT } }),
  suspended: (by: ReturnSide = 'sender'): ReturnEvent => ({
    type: 'ReturnSuspended',
    data: { ...id, by, reason: 'medical treatment under way', at: STEP_AT },
  }),
  resumed: (by: ReturnSide = 'sender'): ReturnEvent => ({
    type: 'ReturnResumed',
    data: { ...id, by, ...next, at: STEP_AT },
  }),
  cancelled: (): ReturnEvent => ({
    type: 'ReturnCancelledByPerson',
    data: { ...id, reason: 'decided to stay', at: STEP_AT },
  }),
  consentWithdrawn: (): ReturnEvent => ({ type: 'ReturnConsentWithdrawn', data: { ...id, at: STEP_AT } }),
};

const e = returnEvents;

/** The child safeguards, each met. */
export const SAFEGUARDS_MET: readonly ReturnEvent[] = [
  e.guardianAppointed(),
  e.bestInterestsInFavour(),
  e.familySuitable(),
];

/** The sender's history to each status; the receiver's starts with its receipt instead of the first two. */
function senderHistories(kind: ReturnKind): Partial<Record<ReturnStatus, ReturnEvent[]>> {
  const requested = [e.requested(kind), e.delivered()];
  const verified = [...requested, e.nationalityConfirmed()];
  const assessed = [...verified, e.safe()];
  const ready = kind === 'child' ? [...assessed, ...SAFEGUARDS_MET] : assessed;
  const proposed = [...ready, e.planProposed()];
  const confirmed = [...proposed, e.planConfirmed()];
  const issued = [...confirmed, e.documentsIssued()];
  const scheduled = [...issued, e.travelScheduled()];
  const departed = [...scheduled, e.departed()];
  const arrived = [...departed, e.arrived()];
  return {
    requested,
    'nationality-verified': verified,
    'nationality-not-confirmed': [...requested, e.nationalityNotConfirmed()],
    'risk-assessed': assessed,
    'not-safe': [...verified, e.notSafe()],
    ...(kind === 'child' ? { barred: [...assessed, e.bestInterestsAgainst()] } : {}),
    'plan-proposed': proposed,
    'plan-confirmed': confirmed,
    'documents-issued': issued,
    'travel-scheduled': scheduled,
    'no-show': [...scheduled, e.noShow()],
    departed,
    arrived,
    'handed-over': [...arrived, e.handedOver()],
    suspended: [...confirmed, e.suspended('sender')],
    cancelled: [...issued, e.cancelled()],
    'consent-withdrawn': [...departed, e.consentWithdrawn()],
  };
}

/** The status a suspended replica of the fixtures resumes in, and the end that holds it. */
export const SUSPENDED_FROM: ReturnStatus = 'plan-confirmed';
export const SUSPENDED_BY: ReturnSide = 'sender';

/** The statuses each kind of return can reach: only a child's return is barred by a safeguard. */
export const STATUSES_BY_KIND: Record<ReturnKind, readonly ReturnStatus[]> = {
  adult: RETURN_STATUSES.filter((status) => status !== 'barred'),
  child: RETURN_STATUSES,
};

/** The events that bring one end's replica of a return of this kind to `status`. */
export function historyOf(status: ReturnStatus, side: ReturnSide, kind: ReturnKind = 'adult'): ReturnEvent[] {
  const history = senderHistories(kind)[status];
  if (!history) {
    throw new Error(`the return of an ${kind} is never ${status}`);
  }
  return side === 'sender' ? history : [e.received(kind), ...history.slice(2)];
}

export type ReturnVariant = 'positive' | 'negative';

/**
 * A command of each type whose data passes every data rule, so only side and status decide its fate; the
 * negative variant gives the finding that ends the return (nationality not confirmed, not safe, a safeguard
 * against it).
 */
export function validCommand(
  type: ReturnCommandType,
  kind: ReturnKind = 'adult',
  variant: ReturnVariant = 'positive',
): ReturnCommand {
  const negative = variant === 'negative';
  const at = STEP_AT;
  switch (type) {
    case 'RequestReturn':
      return { type, data: { ...request(kind), at: REQUESTED_AT } };
    case 'ReceiveReturnRequest':
      return { type, data: { ...request(kind), requestedAt: REQUESTED_AT, envelopeId: ENVELOPE_ID, at: DELIVERED_AT } };
    case 'RecordReturnDelivery':
      return { type, data: { envelopeId: ENVELOPE_ID, at: DELIVERED_AT } };
    case 'VerifyNationality':
      return negative
        ? { type, data: { outcome: 'not-confirmed', reason: 'no civil registry record', at } }
        : { type, data: { outcome: 'confirmed', ...next, at } };
    case 'RecordRiskAssessment':
      return negative
        ? { type, data: { result: 'not-safe', reason: 'recruiters active at the place of return', at } }
        : { type, data: { result: 'safe', ...next, at } };
    case 'RecordBestInterestsDetermination':
      return negative
        ? { type, data: { result: 'against', reason: 'return is not in the best interests', at } }
        : { type, data: { result: 'in-favour', ...next, at } };
    case 'RecordFamilyAssessment':
      return negative
        ? { type, data: { result: 'unsuitable', reason: 'family involved in the exploitation', at } }
        : { type, data: { result: 'suitable', ...next, at } };
    case 'RejectReceptionPlan':
      return { type, data: { reason: 'no shelter place for the first weeks', ...next, at } };
    case 'ScheduleTravel':
      return {
        type,
        data: {
          travelDate: TRAVEL_DATE,
          route: ROUTE,
          escort: { role: 'social-worker', organisation: 'child protection office' },
          ...next,
          at,
        },
      };
    case 'RecordNoShow':
      return { type, data: { reason: 'did not come to the airport', ...next, at } };
    case 'SuspendReturn':
      return { type, data: { reason: 'medical treatment under way', at } };
    case 'CancelReturnByPerson':
      return { type, data: { reason: 'decided to stay', at } };
    case 'HandOverToReintegration':
    case 'WithdrawReturnConsent':
      return { type, data: { at } };
    case 'AppointGuardian':
    case 'ProposeReceptionPlan':
    case 'ConfirmReceptionPlan':
    case 'IssueTravelDocuments':
    case 'RecordDeparture':
    case 'RecordArrival':
    case 'ResumeReturn':
      return { type, data: { ...next, at } };
  }
}
