import { ReturnEvent } from './return.events';
import { evolveReturn } from './return.evolve';
import { ReturnState, ReturnStatus } from './return.state';
import { RETURN_BEFORE_DEPARTURE_STATUSES, isReturnTerminal } from './return.status';

/**
 * The open statuses in the order a return goes through them. A no-show comes before a (new) travel schedule: the
 * person leaves only after travel is scheduled again.
 */
const ORDER: readonly ReturnStatus[] = [
  'requested',
  'nationality-verified',
  'risk-assessed',
  'plan-proposed',
  'plan-confirmed',
  'documents-issued',
  'no-show',
  'travel-scheduled',
  'departed',
  'arrived',
];

/** The status each step applies from at the earliest (the child safeguards and the plan follow the risk assessment). */
const APPLIES_FROM: Partial<Record<ReturnEvent['type'], ReturnStatus>> = {
  NationalityVerified: 'requested',
  RiskAssessed: 'nationality-verified',
  GuardianAppointed: 'risk-assessed',
  BestInterestsDetermined: 'risk-assessed',
  FamilyAssessed: 'risk-assessed',
  ReceptionPlanProposed: 'risk-assessed',
  ReceptionPlanConfirmed: 'plan-proposed',
  ReceptionPlanRejected: 'plan-proposed',
  TravelDocumentsIssued: 'plan-confirmed',
  TravelScheduled: 'documents-issued',
  DepartureRecorded: 'travel-scheduled',
  NoShowRecorded: 'travel-scheduled',
  ArrivalRecorded: 'departed',
  HandedOverToReintegration: 'arrived',
};

/**
 * True when an event of the other end came before the step it follows (a copy delivered out of order), so its
 * message waits for that step: the return is open, the event does not change it, and the step it needs is still
 * ahead of the status the return is in (or resumes in, when suspended); or it lifts a suspension of its end that has
 * not arrived yet. What a crossing leaves unchanged — a suspension after the departure, a step behind the return,
 * anything once the return ended — waits for nothing: evolve has already settled it by precedence.
 */
export function returnEventComesEarly(state: ReturnState, event: ReturnEvent): boolean {
  if (isReturnTerminal(state.status) || evolveReturn(state, event) !== state) return false;
  const underlying = state.status === 'suspended' && state.suspension ? state.suspension.from : state.status;
  if (event.type === 'ReturnResumed') {
    // Only the end that suspended lifts its hold: a resumption before it is early while the return can still pause.
    return state.status === 'suspended' || RETURN_BEFORE_DEPARTURE_STATUSES.includes(state.status);
  }
  const from = APPLIES_FROM[event.type];
  return from !== undefined && ORDER.indexOf(underlying) < ORDER.indexOf(from);
}
