import {
  BestInterestsResult,
  FamilyAssessmentResult,
  NationalityOutcome,
  ReturnConsent,
  ReturnEscort,
  RiskAssessmentResult,
} from './return.state';

// Every command carries `at`, the ISO instant it happens at: the protocol never reads a clock. A command that
// leaves the return open may carry `nextDueAt`, the due time of the step the return then waits on; the state
// keeps it as `dueAt` so overdue steps can be listed.

interface Timed {
  at: string;
}

interface HandsOver extends Timed {
  nextDueAt?: string;
}

/** The facts of a return request as both ends hold them. */
export interface ReturnRequestFacts {
  returnId: string;
  fromCountry: string;
  toCountry: string;
  isChild: boolean;
  /** Only a child can be unaccompanied; for an adult this must be false. */
  unaccompanied: boolean;
  /** When the receiver's verification of nationality is due. */
  answerDueAt: string;
}

/** The sender asks the receiving country to take the person back, after the person's informed decision. */
export interface RequestReturn {
  type: 'RequestReturn';
  data: ReturnRequestFacts & {
    /** When the person's informed decision to return was recorded; required. */
    informedDecisionRecordedAt?: string;
    /** Required, and it must cover the receiving country. */
    consent?: ReturnConsent;
    at: string;
  };
}

/** The request's envelope reached the receiver: this creates the receiver's replica. */
export interface ReceiveReturnRequest {
  type: 'ReceiveReturnRequest';
  data: ReturnRequestFacts & {
    informedDecisionRecordedAt: string;
    consent: ReturnConsent;
    /** When the sender requested it (the envelope's sent-at); defaults to `at`. */
    requestedAt?: string;
    envelopeId?: string;
    at: string;
  };
}

/** The delivery receipt of the request's envelope reached the sender. */
export interface RecordReturnDelivery {
  type: 'RecordReturnDelivery';
  data: { envelopeId?: string; at: string };
}

export interface VerifyNationality {
  type: 'VerifyNationality';
  /** A reason is required when the nationality is not confirmed. */
  data: HandsOver & { outcome: NationalityOutcome; reason?: string };
}

/** The joint risk assessment, recorded by either end; a reason is required when the return is not safe. */
export interface RecordRiskAssessment {
  type: 'RecordRiskAssessment';
  data: HandsOver & { result: RiskAssessmentResult; reason?: string };
}

export interface AppointGuardian {
  type: 'AppointGuardian';
  data: HandsOver;
}

export interface RecordBestInterestsDetermination {
  type: 'RecordBestInterestsDetermination';
  /** A reason is required when the determination is against the return. */
  data: HandsOver & { result: BestInterestsResult; reason?: string };
}

export interface RecordFamilyAssessment {
  type: 'RecordFamilyAssessment';
  /** A reason is required when the family is unsuitable. */
  data: HandsOver & { result: FamilyAssessmentResult; reason?: string };
}

export interface ProposeReceptionPlan {
  type: 'ProposeReceptionPlan';
  data: HandsOver;
}

export interface ConfirmReceptionPlan {
  type: 'ConfirmReceptionPlan';
  data: HandsOver;
}

export interface RejectReceptionPlan {
  type: 'RejectReceptionPlan';
  data: HandsOver & { reason: string };
}

export interface IssueTravelDocuments {
  type: 'IssueTravelDocuments';
  data: HandsOver;
}

/** Schedules (or reschedules) the journey; an unaccompanied child always has an escort. */
export interface ScheduleTravel {
  type: 'ScheduleTravel';
  data: HandsOver & { travelDate: string; route: string; escort?: ReturnEscort };
}

export interface RecordDeparture {
  type: 'RecordDeparture';
  data: HandsOver;
}

export interface RecordNoShow {
  type: 'RecordNoShow';
  data: HandsOver & { reason?: string };
}

export interface RecordArrival {
  type: 'RecordArrival';
  data: HandsOver;
}

/** Ends the return: the reintegration protocol starts from here. */
export interface HandOverToReintegration {
  type: 'HandOverToReintegration';
  data: Timed;
}

export interface SuspendReturn {
  type: 'SuspendReturn';
  data: Timed & { reason: string };
}

/** Lifts the issuing end's own hold; the return resumes once no hold is left. */
export interface ResumeReturn {
  type: 'ResumeReturn';
  data: HandsOver;
}

/** The person changed their mind: a return happens only by the person's decision. */
export interface CancelReturnByPerson {
  type: 'CancelReturnByPerson';
  data: Timed & { reason?: string };
}

export interface WithdrawReturnConsent {
  type: 'WithdrawReturnConsent';
  data: Timed;
}

export type ReturnCommand =
  | RequestReturn
  | ReceiveReturnRequest
  | RecordReturnDelivery
  | VerifyNationality
  | RecordRiskAssessment
  | AppointGuardian
  | RecordBestInterestsDetermination
  | RecordFamilyAssessment
  | ProposeReceptionPlan
  | ConfirmReceptionPlan
  | RejectReceptionPlan
  | IssueTravelDocuments
  | ScheduleTravel
  | RecordDeparture
  | RecordNoShow
  | RecordArrival
  | HandOverToReintegration
  | SuspendReturn
  | ResumeReturn
  | CancelReturnByPerson
  | WithdrawReturnConsent;

export type ReturnCommandType = ReturnCommand['type'];
