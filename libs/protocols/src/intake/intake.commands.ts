import type { IntakeConversionProtocol, IntakeScreeningOutcome } from './intake.state';

// Commands carry every instant they need (`at`): the protocol never reads the clock.

/** A report taken at the node (a hotline call, an outreach worker, a shelter): the intake begins. */
export interface RecordIntake {
  type: 'RecordIntake';
  data: { intakeId: string; at: string };
}

/** A supervisor's screening: presumed victim, not a case (with a reason), or more information needed (saying what). */
export interface ScreenIntake {
  type: 'ScreenIntake';
  data: { outcome: IntakeScreeningOutcome; reason?: string; at: string };
}

/** A focal point turned the intake into the first case of a protocol; the case's id is known before it is written. */
export interface ConvertIntake {
  type: 'ConvertIntake';
  data: { protocol: IntakeConversionProtocol; caseId: string; at: string };
}

/**
 * A supervisor found that the intake is about the person of an existing case: it joins that case instead of making a
 * new one. The case's id and protocol are the node's, read before the command is decided.
 */
export interface MergeIntake {
  type: 'MergeIntake';
  data: { protocol: IntakeConversionProtocol; caseId: string; at: string };
}

/**
 * The intake's personal data are erased (a report that was not a case, a person who asked): the key they rest under
 * is destroyed; the intake keeps what names no one. A case the intake became keeps its own data under its own key.
 * No reason is kept: nothing written after the key is gone could be sealed, and who erased when is in the audit log.
 */
export interface EraseIntake {
  type: 'EraseIntake';
  data: { at: string };
}

export type IntakeCommand = RecordIntake | ScreenIntake | ConvertIntake | MergeIntake | EraseIntake;
export type IntakeCommandType = IntakeCommand['type'];
