import { ProtocolConsent } from '../shared/protocol-consent';

/** Every status a return can be in, at either end of the exchange. */
export const RETURN_STATUSES = [
  'requested',
  'nationality-verified',
  'nationality-not-confirmed',
  'risk-assessed',
  'not-safe',
  'barred',
  'plan-proposed',
  'plan-confirmed',
  'documents-issued',
  'travel-scheduled',
  'no-show',
  'departed',
  'arrived',
  'handed-over',
  'suspended',
  'cancelled',
  'consent-withdrawn',
] as const;

export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/**
 * Which end of the exchange: the sender is the country where the person is, the receiver the country of origin
 * (or another country) that receives them. Both ends run the same machine.
 */
export type ReturnSide = 'sender' | 'receiver';

export const RETURN_SIDES: readonly ReturnSide[] = ['sender', 'receiver'];

/** The person's consent to the return, as the protocol checks it when the return is requested. */
export type ReturnConsent = ProtocolConsent;

export type NationalityOutcome = 'confirmed' | 'not-confirmed';
export type RiskAssessmentResult = 'safe' | 'not-safe';
export type BestInterestsResult = 'in-favour' | 'against';
export type FamilyAssessmentResult = 'suitable' | 'unsuitable';

/** The safeguards a child's return needs, in the order the procedure usually takes them. */
export const RETURN_CHILD_SAFEGUARDS = ['guardian', 'best-interests', 'family-assessment'] as const;

export type ReturnChildSafeguard = (typeof RETURN_CHILD_SAFEGUARDS)[number];

/** Who escorts the person on the journey: a role and the organisation, never a person's name. */
export type ReturnEscortRole =
  | 'social-worker'
  | 'case-worker'
  | 'guardian'
  | 'medical-staff'
  | 'law-enforcement'
  | 'international-organisation'
  | 'other';

export interface ReturnEscort {
  role: ReturnEscortRole;
  /** The escorting organisation, as short text. */
  organisation?: string;
}

/** A finding recorded by one of the steps: its result, why (short text, no personal data) and when. */
export interface ReturnFinding<TResult extends string> {
  result: TResult;
  reason?: string;
  at: string;
}

export interface ReturnTravel {
  travelDate: string;
  route: string;
  escort?: ReturnEscort;
  scheduledAt: string;
}

/** One end's hold on a suspended return; only that end lifts it. */
export interface ReturnSuspensionHold {
  by: ReturnSide;
  reason: string;
  at: string;
}

export interface ReturnSuspension {
  /** The status the return resumes in once every hold is lifted. */
  from: ReturnStatus;
  /** At most one hold per end, the sender's first. */
  holds: ReturnSuspensionHold[];
}

/**
 * One end's view of a return. It holds only the protocol's own facts — statuses, flags, dates and reasons as
 * short text — never the person's data, which lives with the case outside it.
 */
export interface ReturnState {
  returnId: string;
  side: ReturnSide;
  fromCountry: string;
  toCountry: string;
  status: ReturnStatus;
  isChild: boolean;
  /** Meaningful for a child only: an unaccompanied child always travels with an escort. */
  unaccompanied: boolean;
  /** When the person's informed decision to return was recorded: no return is requested without it. */
  informedDecisionRecordedAt: string;
  consent: ReturnConsent;
  requestedAt: string;
  /** When the request reached the receiver, once this end knows it. */
  deliveredAt?: string;
  /** When the step this return waits on (see returnPendingOn) is due, if the last step set a due time. */
  dueAt?: string;
  nationality?: ReturnFinding<NationalityOutcome>;
  riskAssessment?: ReturnFinding<RiskAssessmentResult>;
  guardianAppointedAt?: string;
  bestInterests?: ReturnFinding<BestInterestsResult>;
  familyAssessment?: ReturnFinding<FamilyAssessmentResult>;
  /** The child safeguards whose negative result barred the return, in procedure order. */
  barredBy?: ReturnChildSafeguard[];
  receptionPlanProposedAt?: string;
  receptionPlanConfirmedAt?: string;
  /** Why the sender last sent the reception plan back. */
  receptionPlanRejectionReason?: string;
  travelDocumentsIssuedAt?: string;
  travel?: ReturnTravel;
  noShowCount?: number;
  departedAt?: string;
  arrivedAt?: string;
  handedOverAt?: string;
  /** Present while the return is suspended. */
  suspension?: ReturnSuspension;
  cancellationReason?: string;
  lastChangedAt: string;
}
