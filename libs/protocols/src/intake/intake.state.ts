/**
 * Where an intake stands at the node that recorded it: recorded (a report came in), screened as a presumed victim,
 * not a case, or needing more information, converted once a focal point turned it into a referral or a return, or
 * merged into an existing case of the same person.
 * An intake never leaves its node: it has no other end and no side.
 */
export const INTAKE_STATUSES = [
  'recorded',
  'presumed-victim',
  'not-a-case',
  'needs-information',
  'converted',
  'merged',
] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

/** What a supervisor's screening found (HTCDS vic_TraffickingStatus names the first two on export). */
export const INTAKE_SCREENING_OUTCOMES = ['presumed-victim', 'not-a-case', 'needs-information'] as const;
export type IntakeScreeningOutcome = (typeof INTAKE_SCREENING_OUTCOMES)[number];

/** The protocols an intake can become the first case of. */
export const INTAKE_CONVERSION_PROTOCOLS = ['referral', 'return'] as const;
export type IntakeConversionProtocol = (typeof INTAKE_CONVERSION_PROTOCOLS)[number];

export interface IntakeScreening {
  outcome: IntakeScreeningOutcome;
  /** Why, in the supervisor's words: may name the person, so it rests sealed with the intake's personal data. */
  reason?: string;
  at: string;
}

export interface IntakeConversion {
  protocol: IntakeConversionProtocol;
  /** The referral's or return's id at this node: the intake and its case point at each other. */
  caseId: string;
  at: string;
}

export interface IntakeState {
  intakeId: string;
  status: IntakeStatus;
  recordedAt: string;
  /** The last screening; an intake that needed more information is screened again. */
  screening?: IntakeScreening;
  /** The case the intake became, or the existing case it was merged into (status `merged`). */
  conversion?: IntakeConversion;
  /** When the reporter's and the person's data were erased (the intake's key destroyed): no step follows. */
  erasedAt?: string;
}
