import type { NodeApiSchemas } from '@enlace/contracts';
import type { ConsentRecord } from '../../cases/domain/case-content';

export type IntakeChannel = NodeApiSchemas['IntakeChannel'];
export type IntakeUrgency = NodeApiSchemas['Urgency'];
export type IntakeReporter = NodeApiSchemas['IntakeReporter'];
/** The person as the intake keeps it: gender already as its HTCDS value. */
export type IntakePerson = NodeApiSchemas['IntakePerson'];
export type IntakeIndicators = NodeApiSchemas['IntakeIndicators'];

/**
 * What of an intake may name someone, and rests only sealed under the intake's key: who reported, the person, the
 * situation in the operator's words, the consent, the last screening's reason.
 */
export interface IntakePersonalContent {
  reporter?: IntakeReporter;
  person?: IntakePerson;
  situation?: string;
  consent?: ConsentRecord;
  screeningReason?: string;
}

/** What happened to an intake, when; no personal data. */
export interface IntakeTimelineEntry {
  at: string;
  event: string;
  status: string;
}
