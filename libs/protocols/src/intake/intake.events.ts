import type { IntakeConversionProtocol, IntakeScreeningOutcome } from './intake.state';

// Every event names its intake and the instant it happened at.

export interface IntakeRecorded {
  type: 'IntakeRecorded';
  data: { intakeId: string; at: string };
}

export interface IntakeScreened {
  type: 'IntakeScreened';
  data: { intakeId: string; outcome: IntakeScreeningOutcome; reason?: string; at: string };
}

export interface IntakeConverted {
  type: 'IntakeConverted';
  data: { intakeId: string; protocol: IntakeConversionProtocol; caseId: string; at: string };
}

export interface IntakeMerged {
  type: 'IntakeMerged';
  data: { intakeId: string; protocol: IntakeConversionProtocol; caseId: string; at: string };
}

export interface IntakeErased {
  type: 'IntakeErased';
  data: { intakeId: string; at: string };
}

export type IntakeEvent = IntakeRecorded | IntakeScreened | IntakeConverted | IntakeMerged | IntakeErased;
export type IntakeEventType = IntakeEvent['type'];
