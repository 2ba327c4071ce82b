import { isAtOrAfter } from '../shared/iso-instant';
import { consentCovers } from '../shared/protocol-consent';
import { admitReturnCommand } from './return.admission';
import { missingChildSafeguards } from './return.child-safeguards';
import { ReceiveReturnRequest, RequestReturn, ReturnCommand } from './return.commands';
import { ReturnEvent } from './return.events';
import { ReturnRuleViolation, ReturnRuleViolationCode } from './return-rule-violation.error';
import { ReturnConsent, ReturnEscort, ReturnSide, ReturnState } from './return.state';

type CreatingCommand = RequestReturn | ReceiveReturnRequest;
type TransitionCommand = Exclude<ReturnCommand, CreatingCommand>;

/**
 * Decides what a command on one end's replica of a return means: the events to record, or a
 * ReturnRuleViolation. `side` is the end that issued the command: this end for its own users' commands, the
 * other end when a node replays the command a message carried (both replicas then decide the same events), so
 * the replica's own side plays no part. The checks on the replica come first (see admitReturnCommand), then the
 * rules on the command's data, so a caller learns the most basic problem first.
 */
export function decideReturn(state: ReturnState | undefined, command: ReturnCommand, side: ReturnSide): ReturnEvent[] {
  const admission = admitReturnCommand(state, command.type, side);
  if (!admission.admitted) {
    throw new ReturnRuleViolation(admission.code, state?.status, command.type, admission.detail);
  }
  if (admission.noOp) {
    return [];
  }
  if (command.type === 'RequestReturn') {
    return [requestReturn(command)];
  }
  if (command.type === 'ReceiveReturnRequest') {
    return [receiveReturnRequest(command)];
  }
  if (!state) {
    // admitReturnCommand refuses every other command without a replica; this keeps the compiler sure of it.
    throw new ReturnRuleViolation('NOT_FOUND', undefined, command.type, 'needs a return, and this end holds none');
  }
  return [transition(state, command, side)];
}

function requestReturn(command: RequestReturn): ReturnEvent {
  const {
    returnId,
    fromCountry,
    toCountry,
    isChild,
    unaccompanied,
    answerDueAt,
    informedDecisionRecordedAt,
    consent,
    at,
  } = command.data;
  const refuse = (code: ReturnRuleViolationCode, detail: string) =>
    new ReturnRuleViolation(code, undefined, command.type, detail);
  // A return happens only by the person's own informed decision, recorded before it is requested.
  if (informedDecisionRecordedAt === undefined || !isAtOrAfter(at, informedDecisionRecordedAt)) {
    throw refuse('INFORMED_DECISION_REQUIRED', "needs the person's informed decision, recorded before the request");
  }
  if (consent === undefined || !consentCovers(consent, toCountry, at)) {
    throw refuse('CONSENT_REQUIRED', 'needs recorded consent that is valid now and covers the receiving country');
  }
  if (unaccompanied && !isChild) {
    throw refuse('NOT_APPLICABLE', 'cannot mark an adult as unaccompanied: that applies to a child only');
  }
  if (!isAtOrAfter(answerDueAt, at)) {
    throw refuse('DUE_TIME_INVALID', 'needs a due time for the answer that is readable and not in the past');
  }
  return {
    type: 'ReturnRequested',
    data: {
      returnId,
      fromCountry,
      toCountry,
      isChild,
      unaccompanied,
      answerDueAt,
      informedDecisionRecordedAt,
      consent: pickConsent(consent),
      at,
    },
  };
}

function receiveReturnRequest(command: ReceiveReturnRequest): ReturnEvent {
  const { returnId, fromCountry, toCountry, isChild, unaccompanied, answerDueAt } = command.data;
  const { informedDecisionRecordedAt, consent, requestedAt, envelopeId, at } = command.data;
  // The receiver records the request as the sender decided it: the sender's rules already held it.
  return {
    type: 'ReturnRequestReceived',
    data: {
      returnId,
      fromCountry,
      toCountry,
      isChild,
      unaccompanied,
      answerDueAt,
      informedDecisionRecordedAt,
      consent: pickConsent(consent),
      requestedAt: requestedAt ?? at,
      ...(envelopeId === undefined ? {} : { envelopeId }),
      at,
    },
  };
}

type Refuse = (code: ReturnRuleViolationCode, detail: string) => never;

function transition(state: ReturnState, command: TransitionCommand, side: ReturnSide): ReturnEvent {
  const { returnId } = state;
  const refuse: Refuse = (code, detail) => {
    throw new ReturnRuleViolation(code, state.status, command.type, detail);
  };
  const { at } = command.data;
  const next = 'nextDueAt' in command.data ? nextDue(command.data.nextDueAt, at, refuse) : {};
  switch (command.type) {
    case 'RecordReturnDelivery': {
      const { envelopeId } = command.data;
      return {
        type: 'ReturnRequestDelivered',
        data: { returnId, ...(envelopeId === undefined ? {} : { envelopeId }), at },
      };
    }
    case 'VerifyNationality': {
      const { outcome, reason } = command.data;
      const because = reasonFor(reason, outcome === 'not-confirmed', 'a nationality that is not confirmed', refuse);
      return { type: 'NationalityVerified', data: { returnId, outcome, ...because, ...next, at } };
    }
    case 'RecordRiskAssessment': {
      const { result, reason } = command.data;
      const because = reasonFor(reason, result === 'not-safe', 'a return that is not safe', refuse);
      return { type: 'RiskAssessed', data: { returnId, result, ...because, ...next, at } };
    }
    case 'AppointGuardian':
      return { type: 'GuardianAppointed', data: { returnId, ...next, at } };
    case 'RecordBestInterestsDetermination': {
      const { result, reason } = command.data;
      const because = reasonFor(reason, result === 'against', 'a determination against the return', refuse);
      return { type: 'BestInterestsDetermined', data: { returnId, result, ...because, ...next, at } };
    }
    case 'RecordFamilyAssessment': {
      const { result, reason } = command.data;
      const because = reasonFor(reason, result === 'unsuitable', 'a family found unsuitable', refuse);
      return { type: 'FamilyAssessed', data: { returnId, result, ...because, ...next, at } };
    }
    case 'ProposeReceptionPlan':
      requireChildSafeguards(state, refuse);
      return { type: 'ReceptionPlanProposed', data: { returnId, ...next, at } };
    case 'ConfirmReceptionPlan':
      return { type: 'ReceptionPlanConfirmed', data: { returnId, ...next, at } };
    case 'RejectReceptionPlan': {
      const reason = requiredReason(command.data.reason, 'a rejected plan', refuse);
      return { type: 'ReceptionPlanRejected', data: { returnId, reason, ...next, at } };
    }
    case 'IssueTravelDocuments':
      return { type: 'TravelDocumentsIssued', data: { returnId, ...next, at } };
    case 'ScheduleTravel': {
      const { travelDate, route, escort } = command.data;
      if (!route.trim() || !isAtOrAfter(travelDate, at)) {
        refuse('TRAVEL_DETAILS_REQUIRED', 'needs a route and a readable travel date that is not in the past');
      }
      requireEscort(state, escort !== undefined, refuse);
      const escorted = escort === undefined ? {} : { escort: pickEscort(escort) };
      return { type: 'TravelScheduled', data: { returnId, travelDate, route: route.trim(), ...escorted, ...next, at } };
    }
    case 'RecordDeparture':
      // The procedure already makes these unreachable; the person leaving is where a lapse would harm, so look again.
      requireChildSafeguards(state, refuse);
      requireEscort(state, state.travel?.escort !== undefined, refuse);
      return { type: 'DepartureRecorded', data: { returnId, ...next, at } };
    case 'RecordNoShow': {
      const because = reasonFor(command.data.reason, false, 'a no-show', refuse);
      return { type: 'NoShowRecorded', data: { returnId, ...because, ...next, at } };
    }
    case 'RecordArrival':
      return { type: 'ArrivalRecorded', data: { returnId, ...next, at } };
    case 'HandOverToReintegration':
      return { type: 'HandedOverToReintegration', data: { returnId, at } };
    case 'SuspendReturn': {
      const reason = requiredReason(command.data.reason, 'a suspension', refuse);
      return { type: 'ReturnSuspended', data: { returnId, by: side, reason, at } };
    }
    case 'ResumeReturn':
      return { type: 'ReturnResumed', data: { returnId, by: side, ...next, at } };
    case 'CancelReturnByPerson': {
      const because = reasonFor(command.data.reason, false, 'a cancellation', refuse);
      return { type: 'ReturnCancelledByPerson', data: { returnId, ...because, at } };
    }
    case 'WithdrawReturnConsent':
      return { type: 'ReturnConsentWithdrawn', data: { returnId, at } };
  }
}

/** The next due time, when given, must be readable and not before the step itself. */
function nextDue(nextDueAt: string | undefined, at: string, refuse: Refuse): { nextDueAt?: string } {
  if (nextDueAt === undefined) return {};
  if (!isAtOrAfter(nextDueAt, at)) {
    refuse('DUE_TIME_INVALID', 'needs a next due time that is readable and not before the step');
  }
  return { nextDueAt };
}

/** A reason as short text, kept only when it says something; `required` refuses a blank one. */
function reasonFor(reason: string | undefined, required: boolean, what: string, refuse: Refuse): { reason?: string } {
  const text = reason?.trim();
  if (text) return { reason: text };
  if (required) refuse('REASON_REQUIRED', `needs a reason for ${what}`);
  return {};
}

function requiredReason(reason: string | undefined, what: string, refuse: Refuse): string {
  return reasonFor(reason, true, what, refuse).reason ?? refuse('REASON_REQUIRED', `needs a reason for ${what}`);
}

function requireChildSafeguards(state: ReturnState, refuse: Refuse): void {
  const missing = missingChildSafeguards(state);
  if (missing.length > 0) {
    refuse('CHILD_SAFEGUARD_MISSING', `needs every child safeguard met first; missing: ${missing.join(', ')}`);
  }
}

function requireEscort(state: ReturnState, hasEscort: boolean, refuse: Refuse): void {
  if (state.isChild && state.unaccompanied && !hasEscort) {
    refuse('ESCORT_REQUIRED', 'needs an escort: an unaccompanied child never travels alone');
  }
}

/** Only the escort's role and organisation travel on: nothing else a caller put there. */
function pickEscort({ role, organisation }: ReturnEscort): ReturnEscort {
  return { role, ...(organisation?.trim() ? { organisation: organisation.trim() } : {}) };
}

/** Only the consent's protocol facts are recorded, copied so the state never shares the caller's object. */
function pickConsent({ purpose, recordedAt, expiresAt, recipients }: ReturnConsent): ReturnConsent {
  return {
    purpose,
    recordedAt,
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(recipients === undefined ? {} : { recipients: [...recipients] }),
  };
}
