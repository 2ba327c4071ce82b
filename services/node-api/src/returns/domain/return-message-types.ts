import type { ReturnEvent, ReturnEventType } from '@enlace/protocols';

type SharedReturnEventType = Exclude<ReturnEventType, 'ReturnRequestReceived' | 'ReturnRequestDelivered'>;

/**
 * The message type that tells the other end of each return event it must hear (contracts/messages/return). The
 * request travels as `return.requested.v1`; its receipt is the envelope's delivery receipt, not an event.
 */
export const RETURN_MESSAGE_TYPES: Readonly<Record<SharedReturnEventType, string>> = {
  ReturnRequested: 'return.requested.v1',
  NationalityVerified: 'return.nationality-verified.v1',
  RiskAssessed: 'return.risk-assessed.v1',
  GuardianAppointed: 'return.guardian-appointed.v1',
  BestInterestsDetermined: 'return.best-interests-determined.v1',
  FamilyAssessed: 'return.family-assessed.v1',
  ReceptionPlanProposed: 'return.reception-plan-proposed.v1',
  ReceptionPlanConfirmed: 'return.reception-plan-confirmed.v1',
  ReceptionPlanRejected: 'return.reception-plan-rejected.v1',
  TravelDocumentsIssued: 'return.travel-documents-issued.v1',
  TravelScheduled: 'return.travel-scheduled.v1',
  DepartureRecorded: 'return.departure-recorded.v1',
  NoShowRecorded: 'return.no-show-recorded.v1',
  ArrivalRecorded: 'return.arrival-recorded.v1',
  HandedOverToReintegration: 'return.handed-over.v1',
  ReturnSuspended: 'return.suspended.v1',
  ReturnResumed: 'return.resumed.v1',
  ReturnCancelledByPerson: 'return.cancelled-by-person.v1',
  ReturnConsentWithdrawn: 'return.consent-withdrawn.v1',
};

const EVENT_BY_MESSAGE_TYPE = new Map(
  Object.entries(RETURN_MESSAGE_TYPES).map(([event, message]) => [message, event as SharedReturnEventType]),
);

export const RETURN_REQUEST_MESSAGE = RETURN_MESSAGE_TYPES.ReturnRequested;

export function returnMessageTypeOf(event: ReturnEvent): string | undefined {
  return event.type in RETURN_MESSAGE_TYPES ? RETURN_MESSAGE_TYPES[event.type as SharedReturnEventType] : undefined;
}

/** The event type a return message carries; undefined for another protocol's message or an unknown one. */
export function returnEventTypeOf(messageType: string): SharedReturnEventType | undefined {
  return EVENT_BY_MESSAGE_TYPE.get(messageType);
}
