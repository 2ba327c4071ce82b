import { ReturnRequestFacts } from './return.commands';
import {
  BestInterestsResult,
  FamilyAssessmentResult,
  NationalityOutcome,
  ReturnConsent,
  ReturnEscort,
  ReturnSide,
  RiskAssessmentResult,
} from './return.state';

// Every event names its return and the instant it happened at, so an event read on its own (from a stream or
// from the other end's message) says what it is about. `nextDueAt` travels with the step so both ends keep the
// same due time.

interface OfReturn {
  returnId: string;
  at: string;
}

interface HandedTurn extends OfReturn {
  nextDueAt?: string;
}

type RequestFacts = ReturnRequestFacts & { informedDecisionRecordedAt: string; consent: ReturnConsent };

/** Starts the sender's replica; it is also the request the receiver gets. */
export interface ReturnRequested {
  type: 'ReturnRequested';
  data: RequestFacts & { at: string };
}

/** Starts the receiver's replica: the request as the sender recorded it, and its arrival. */
export interface ReturnRequestReceived {
  type: 'ReturnRequestReceived';
  data: RequestFacts & { requestedAt: string; envelopeId?: string; at: string };
}

export interface ReturnRequestDelivered {
  type: 'ReturnRequestDelivered';
  data: OfReturn & { envelopeId?: string };
}

export interface NationalityVerified {
  type: 'NationalityVerified';
  data: HandedTurn & { outcome: NationalityOutcome; reason?: string };
}

export interface RiskAssessed {
  type: 'RiskAssessed';
  data: HandedTurn & { result: RiskAssessmentResult; reason?: string };
}

export interface GuardianAppointed {
  type: 'GuardianAppointed';
  data: HandedTurn;
}

export interface BestInterestsDetermined {
  type: 'BestInterestsDetermined';
  data: HandedTurn & { result: BestInterestsResult; reason?: string };
}

export interface FamilyAssessed {
  type: 'FamilyAssessed';
  data: HandedTurn & { result: FamilyAssessmentResult; reason?: string };
}

export interface ReceptionPlanProposed {
  type: 'ReceptionPlanProposed';
  data: HandedTurn;
}

export interface ReceptionPlanConfirmed {
  type: 'ReceptionPlanConfirmed';
  data: HandedTurn;
}

export interface ReceptionPlanRejected {
  type: 'ReceptionPlanRejected';
  data: HandedTurn & { reason: string };
}

export interface TravelDocumentsIssued {
  type: 'TravelDocumentsIssued';
  data: HandedTurn;
}

export interface TravelScheduled {
  type: 'TravelScheduled';
  data: HandedTurn & { travelDate: string; route: string; escort?: ReturnEscort };
}

export interface DepartureRecorded {
  type: 'DepartureRecorded';
  data: HandedTurn;
}

export interface NoShowRecorded {
  type: 'NoShowRecorded';
  data: HandedTurn & { reason?: string };
}

export interface ArrivalRecorded {
  type: 'ArrivalRecorded';
  data: HandedTurn;
}

export interface HandedOverToReintegration {
  type: 'HandedOverToReintegration';
  data: OfReturn;
}

/** `by` is the end that holds the suspension: only it can lift it. */
export interface ReturnSuspended {
  type: 'ReturnSuspended';
  data: OfReturn & { by: ReturnSide; reason: string };
}

export interface ReturnResumed {
  type: 'ReturnResumed';
  data: HandedTurn & { by: ReturnSide };
}

export interface ReturnCancelledByPerson {
  type: 'ReturnCancelledByPerson';
  data: OfReturn & { reason?: string };
}

export interface ReturnConsentWithdrawn {
  type: 'ReturnConsentWithdrawn';
  data: OfReturn;
}

export type ReturnEvent =
  | ReturnRequested
  | ReturnRequestReceived
  | ReturnRequestDelivered
  | NationalityVerified
  | RiskAssessed
  | GuardianAppointed
  | BestInterestsDetermined
  | FamilyAssessed
  | ReceptionPlanProposed
  | ReceptionPlanConfirmed
  | ReceptionPlanRejected
  | TravelDocumentsIssued
  | TravelScheduled
  | DepartureRecorded
  | NoShowRecorded
  | ArrivalRecorded
  | HandedOverToReintegration
  | ReturnSuspended
  | ReturnResumed
  | ReturnCancelledByPerson
  | ReturnConsentWithdrawn;

export type ReturnEventType = ReturnEvent['type'];
