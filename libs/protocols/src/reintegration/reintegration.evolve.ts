import { OrphanProtocolEvent } from '../shared/orphan-protocol-event.error';
import { ReintegrationEvent } from './reintegration.events';
import { ReintegrationState, ReintegrationStatus } from './reintegration.state';

type Fixed = 'planId' | 'side' | 'fromCountry' | 'toCountry' | 'arrivedAt' | 'planDueAt' | 'followUpIntervalDays';
type Change = Partial<Omit<ReintegrationState, Fixed>>;

const CLOSABLE: readonly ReintegrationStatus[] = ['plan-agreed', 'in-implementation', 'monitoring'];
const RE_REFERRABLE: readonly ReintegrationStatus[] = ['in-implementation', 'monitoring'];

/**
 * Applies one event to one end's replica. Pure, and total over every status: an event that does not apply to
 * the current status (a duplicate, a follow-up report out of sequence, a step after the end) leaves the state
 * as it is, the very object. Only the receiver decides the steps, so the one crossing possible is the sender's
 * withdrawal of consent against a step of the receiver: the withdrawal prevails, from any status, so both
 * replicas end withdrawn whatever order they see the two in.
 */
export function evolveReintegration(
  state: ReintegrationState | undefined,
  event: ReintegrationEvent,
): ReintegrationState {
  if (!state) {
    return startReplica(event);
  }
  const change = changeFor(state, event);
  return change ? { ...state, ...change, lastChangedAt: event.data.at } : state;
}

function startReplica(event: ReintegrationEvent): ReintegrationState {
  switch (event.type) {
    case 'ReintegrationOpened': {
      const { at, ...opening } = event.data;
      return {
        ...opening,
        side: 'receiver',
        status: 'plan-pending',
        openedAt: at,
        followUpCount: 0,
        lastChangedAt: at,
      };
    }
    case 'ReintegrationReceived': {
      const { at, openedAt, ...opening } = event.data;
      return { ...opening, side: 'sender', status: 'plan-pending', openedAt, followUpCount: 0, lastChangedAt: at };
    }
    default:
      throw new OrphanProtocolEvent('Reintegration', event.type);
  }
}

function changeFor(state: ReintegrationState, event: ReintegrationEvent): Change | undefined {
  const { status } = state;
  switch (event.type) {
    case 'ReintegrationOpened':
    case 'ReintegrationReceived':
      return undefined;
    case 'ReintegrationPlanAgreed': {
      const { supportTypes, plannedEndDate, agreedLate, at } = event.data;
      return status === 'plan-pending'
        ? { status: 'plan-agreed', plan: { supportTypes, plannedEndDate, agreedAt: at, agreedLate } }
        : undefined;
    }
    case 'ImplementationStarted':
      return status === 'plan-agreed'
        ? { status: 'in-implementation', implementationStartedAt: event.data.at }
        : undefined;
    case 'MonitoringStarted':
      return status === 'in-implementation'
        ? { status: 'monitoring', monitoringStartedAt: event.data.at, nextFollowUpDueAt: event.data.nextFollowUpDueAt }
        : undefined;
    case 'FollowUpReported':
      return followUp(state, event.data);
    case 'RiskReviewResolved': {
      const { outcome, reason, nextFollowUpDueAt, at } = event.data;
      if (status !== 'risk-review' || !state.riskReview) return undefined;
      const riskReview = { ...state.riskReview, resolution: { outcome, reason, at } };
      return outcome === 'continue'
        ? { status: 'monitoring', riskReview, nextFollowUpDueAt }
        : { status: 're-referred', riskReview, reReferral: { reason, at } };
    }
    case 'ReintegrationClosed': {
      const { reason, at } = event.data;
      return CLOSABLE.includes(status)
        ? { status: 'closed', closure: { reason, at }, nextFollowUpDueAt: undefined }
        : undefined;
    }
    case 'ReintegrationReReferred': {
      const { reason, at } = event.data;
      return RE_REFERRABLE.includes(status)
        ? { status: 're-referred', reReferral: { reason, at }, nextFollowUpDueAt: undefined }
        : undefined;
    }
    case 'ReintegrationConsentWithdrawn':
      return status === 'consent-withdrawn'
        ? undefined
        : { status: 'consent-withdrawn', consentWithdrawnAt: event.data.at, nextFollowUpDueAt: undefined };
  }
}

/** Counts a report only in its turn: a duplicate or a report that overtook an earlier one changes nothing. */
function followUp(
  state: ReintegrationState,
  report: Extract<ReintegrationEvent, { type: 'FollowUpReported' }>['data'],
): Change | undefined {
  const { sequence, wellbeing, signsOfRetrafficking, nextFollowUpDueAt, at } = report;
  if (state.status !== 'monitoring' || sequence !== state.followUpCount + 1) return undefined;
  const counted = { followUpCount: sequence, lastFollowUp: { sequence, wellbeing, signsOfRetrafficking, at } };
  return signsOfRetrafficking
    ? {
        ...counted,
        status: 'risk-review',
        nextFollowUpDueAt: undefined,
        riskReview: { openedAt: at, followUpSequence: sequence },
      }
    : { ...counted, nextFollowUpDueAt };
}
