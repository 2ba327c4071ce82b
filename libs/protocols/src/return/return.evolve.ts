import { OrphanProtocolEvent } from '../shared/orphan-protocol-event.error';
import { ReturnEvent, ReturnResumed, ReturnSuspended } from './return.events';
import {
  RETURN_CHILD_SAFEGUARDS,
  RETURN_SIDES,
  ReturnChildSafeguard,
  ReturnState,
  ReturnStatus,
  ReturnTravel,
} from './return.state';
import { RETURN_BEFORE_DEPARTURE_STATUSES, isReturnTerminal } from './return.status';

type Change = Partial<
  Omit<ReturnState, 'returnId' | 'side' | 'fromCountry' | 'toCountry' | 'isChild' | 'unaccompanied'>
>;
/** The events of the procedure's steps, as opposed to its start, receipt, pauses and endings by precedence. */
type StepEvent = Exclude<
  ReturnEvent,
  {
    type:
      | 'ReturnRequested'
      | 'ReturnRequestReceived'
      | 'ReturnRequestDelivered'
      | 'ReturnSuspended'
      | 'ReturnResumed'
      | 'ReturnCancelledByPerson'
      | 'ReturnConsentWithdrawn';
  }
>;

// The ends decide independently and their messages can cross on the way. So that both replicas still end in
// the same status whatever order they see the two streams in, evolve resolves a crossing by precedence:
//   consent withdrawal (either end) > cancellation by the person > the endings that bar the return (not safe
//   over a barring child safeguard; nationality not confirmed) and the departure > suspension > the steps
//   forward.
// A step forward that crosses a suspension is applied beneath it: the return stays suspended and resumes where
// the step left it. An ending, or the person's departure (a fact in the world, not a decision one end can
// pause), ends the suspension. Each end holds its own suspension and only it lifts it, so two suspensions that
// cross both hold.

// The sender's cancellation may cross the receiver's decision that ended the return another way.
const CANCELLABLE: readonly ReturnStatus[] = [
  ...RETURN_BEFORE_DEPARTURE_STATUSES,
  'suspended',
  'nationality-not-confirmed',
  'not-safe',
  'barred',
];
// Danger bars the return even where the other end, not yet told, went on: it proposed a plan, or a child
// safeguard already barred it.
const NOT_SAFE_FROM: readonly ReturnStatus[] = ['nationality-verified', 'risk-assessed', 'plan-proposed', 'barred'];
const SCHEDULABLE: readonly ReturnStatus[] = ['documents-issued', 'travel-scheduled', 'no-show'];

/**
 * Applies one event to one end's replica. Pure, and total over every status: an event that does not apply to
 * the current status (a duplicate, a step after the return ended) leaves the state as it is, the very same
 * object. Applying the other end's events, as they arrive in messages, brings both replicas to the same status.
 */
export function evolveReturn(state: ReturnState | undefined, event: ReturnEvent): ReturnState {
  if (!state) {
    return startReplica(event);
  }
  const change = changeFor(state, event);
  return change ? { ...state, ...change, lastChangedAt: event.data.at } : state;
}

function startReplica(event: ReturnEvent): ReturnState {
  switch (event.type) {
    case 'ReturnRequested': {
      const { answerDueAt, at, ...request } = event.data;
      return {
        ...request,
        side: 'sender',
        status: 'requested',
        requestedAt: at,
        dueAt: answerDueAt,
        lastChangedAt: at,
      };
    }
    case 'ReturnRequestReceived': {
      const { answerDueAt, envelopeId: _envelopeId, at, ...request } = event.data;
      return {
        ...request,
        side: 'receiver',
        status: 'requested',
        deliveredAt: at,
        dueAt: answerDueAt,
        lastChangedAt: at,
      };
    }
    default:
      throw new OrphanProtocolEvent('Return', event.type);
  }
}

function changeFor(state: ReturnState, event: ReturnEvent): Change | undefined {
  switch (event.type) {
    case 'ReturnRequested':
    case 'ReturnRequestReceived':
      return undefined;
    case 'ReturnRequestDelivered':
      return state.deliveredAt === undefined ? { deliveredAt: event.data.at } : undefined;
    case 'ReturnConsentWithdrawn':
      return state.status === 'consent-withdrawn' ? undefined : ending('consent-withdrawn');
    case 'ReturnCancelledByPerson': {
      const { reason } = event.data;
      return CANCELLABLE.includes(state.status)
        ? { ...ending('cancelled'), ...(reason === undefined ? {} : { cancellationReason: reason }) }
        : undefined;
    }
    case 'ReturnSuspended':
      return suspend(state, event);
    case 'ReturnResumed':
      return resume(state, event);
    default:
      return step(state, event);
  }
}

function ending(status: ReturnStatus): Change {
  return { status, suspension: undefined, dueAt: undefined };
}

function suspend(state: ReturnState, { data: { by, reason, at } }: ReturnSuspended): Change | undefined {
  const { status, suspension } = state;
  if (suspension && status === 'suspended') {
    if (suspension.holds.some((hold) => hold.by === by)) return undefined;
    // The sender's hold first, whichever arrived first, so both replicas hold the same list.
    const holds = [...suspension.holds, { by, reason, at }].sort(
      (a, b) => RETURN_SIDES.indexOf(a.by) - RETURN_SIDES.indexOf(b.by),
    );
    return { suspension: { from: suspension.from, holds } };
  }
  return RETURN_BEFORE_DEPARTURE_STATUSES.includes(status)
    ? { status: 'suspended', suspension: { from: status, holds: [{ by, reason, at }] }, dueAt: undefined }
    : undefined;
}

function resume(state: ReturnState, { data: { by, nextDueAt } }: ReturnResumed): Change | undefined {
  const { status, suspension } = state;
  if (status !== 'suspended' || !suspension?.holds.some((hold) => hold.by === by)) return undefined;
  const holds = suspension.holds.filter((hold) => hold.by !== by);
  return holds.length > 0
    ? { suspension: { from: suspension.from, holds } }
    : { status: suspension.from, suspension: undefined, dueAt: nextDueAt };
}

/** A step of the procedure, applied to the status the return is in, or resumes in when it is suspended. */
function step(state: ReturnState, event: StepEvent): Change | undefined {
  const { suspension } = state;
  const underlying = state.status === 'suspended' && suspension ? suspension.from : state.status;
  const change = stepFrom(underlying, state, event);
  if (!change || !suspension || state.status !== 'suspended') return change;
  const to = change.status ?? underlying;
  if (isReturnTerminal(to) || to === 'departed') {
    return { ...change, suspension: undefined };
  }
  const { status: _status, dueAt: _dueAt, ...facts } = change;
  return { ...facts, suspension: { ...suspension, from: to } };
}

function stepFrom(status: ReturnStatus, state: ReturnState, event: StepEvent): Change | undefined {
  const { at } = event.data;
  const dueAt = 'nextDueAt' in event.data ? event.data.nextDueAt : undefined;
  switch (event.type) {
    case 'NationalityVerified': {
      if (status !== 'requested') return undefined;
      const { outcome, reason } = event.data;
      const nationality = { result: outcome, ...(reason === undefined ? {} : { reason }), at };
      return outcome === 'confirmed'
        ? { status: 'nationality-verified', nationality, dueAt }
        : { ...ending('nationality-not-confirmed'), nationality };
    }
    case 'RiskAssessed': {
      const { result, reason } = event.data;
      const riskAssessment = { result, ...(reason === undefined ? {} : { reason }), at };
      if (result === 'not-safe') {
        return NOT_SAFE_FROM.includes(status) ? { ...ending('not-safe'), riskAssessment } : undefined;
      }
      return status === 'nationality-verified' ? { status: 'risk-assessed', riskAssessment, dueAt } : undefined;
    }
    case 'GuardianAppointed':
      return status === 'risk-assessed' && state.guardianAppointedAt === undefined
        ? { guardianAppointedAt: at, dueAt }
        : undefined;
    case 'BestInterestsDetermined': {
      if (state.bestInterests !== undefined) return undefined;
      const { result, reason } = event.data;
      const bestInterests = { result, ...(reason === undefined ? {} : { reason }), at };
      return safeguardResult(status, state, result === 'in-favour', 'best-interests', { bestInterests, dueAt });
    }
    case 'FamilyAssessed': {
      if (state.familyAssessment !== undefined) return undefined;
      const { result, reason } = event.data;
      const familyAssessment = { result, ...(reason === undefined ? {} : { reason }), at };
      return safeguardResult(status, state, result === 'suitable', 'family-assessment', { familyAssessment, dueAt });
    }
    case 'ReceptionPlanProposed':
      return status === 'risk-assessed' ? { status: 'plan-proposed', receptionPlanProposedAt: at, dueAt } : undefined;
    case 'ReceptionPlanConfirmed':
      return status === 'plan-proposed' ? { status: 'plan-confirmed', receptionPlanConfirmedAt: at, dueAt } : undefined;
    case 'ReceptionPlanRejected':
      return status === 'plan-proposed'
        ? { status: 'risk-assessed', receptionPlanRejectionReason: event.data.reason, dueAt }
        : undefined;
    case 'TravelDocumentsIssued':
      return status === 'plan-confirmed'
        ? { status: 'documents-issued', travelDocumentsIssuedAt: at, dueAt }
        : undefined;
    case 'TravelScheduled': {
      const { travelDate, route, escort } = event.data;
      const travel: ReturnTravel = { travelDate, route, ...(escort === undefined ? {} : { escort }), scheduledAt: at };
      const duplicate = status === 'travel-scheduled' && JSON.stringify(state.travel) === JSON.stringify(travel);
      return SCHEDULABLE.includes(status) && !duplicate ? { status: 'travel-scheduled', travel, dueAt } : undefined;
    }
    case 'DepartureRecorded':
      return status === 'travel-scheduled' ? { status: 'departed', departedAt: at, dueAt } : undefined;
    case 'NoShowRecorded':
      return status === 'travel-scheduled'
        ? { status: 'no-show', noShowCount: (state.noShowCount ?? 0) + 1, dueAt }
        : undefined;
    case 'ArrivalRecorded':
      return status === 'departed' ? { status: 'arrived', arrivedAt: at, dueAt } : undefined;
    case 'HandedOverToReintegration':
      return status === 'arrived' ? { ...ending('handed-over'), handedOverAt: at } : undefined;
  }
}

/**
 * A child safeguard's result: a positive one is recorded while the return is risk-assessed; a negative one bars
 * the return, and is added to the bars when the other end's safeguard barred it meanwhile.
 */
function safeguardResult(
  status: ReturnStatus,
  state: ReturnState,
  positive: boolean,
  safeguard: ReturnChildSafeguard,
  facts: Change,
): Change | undefined {
  if (positive) {
    return status === 'risk-assessed' ? facts : undefined;
  }
  if (status !== 'risk-assessed' && status !== 'barred') return undefined;
  const bars = new Set([...(state.barredBy ?? []), safeguard]);
  const barredBy = RETURN_CHILD_SAFEGUARDS.filter((each) => bars.has(each));
  return { ...facts, ...ending('barred'), barredBy };
}
