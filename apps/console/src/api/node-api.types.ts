import type { NodeApi } from '@enlace/contracts';
import { documentKindValues, referralReasonValues, serviceTypeValues, urgencyValues } from '@enlace/contracts/node-api';

// The node API's types, generated from contracts/openapi/node-api.openapi.yaml (type-only: nothing is bundled).
type Schemas = NodeApi.components['schemas'];
export type ReferralView = Schemas['ReferralView'];
export type ReferralSummary = Schemas['ReferralSummary'];
export type ReferralList = Schemas['ReferralList'];
export type ReferralStatus = Schemas['ReferralStatus'];
export type ReferralAction = Schemas['ReferralAction'];
export type ReferralReason = Schemas['ReferralReason'];
export type ServiceType = Schemas['ServiceType'];
export type Urgency = Schemas['Urgency'];
export type GenderInput = Schemas['GenderInput'];
export type CreateReferralRequest = Schemas['CreateReferralRequest'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type TokenResponse = Schemas['TokenResponse'];
export type CurrentUser = Schemas['CurrentUser'];
export type CaseSharing = Schemas['CaseSharing'];
export type NodeAgencies = Schemas['NodeAgencies'];
export type ReferralDirection = Schemas['ReferralDirection'];
export type CaseDocument = Schemas['CaseDocument'];
export type CaseDocumentList = Schemas['CaseDocumentList'];
export type DocumentKind = Schemas['DocumentKind'];

// The values of the contract's enums, as generated from it: a form offers what the node takes, never a copy.
export const DOCUMENT_KINDS: readonly DocumentKind[] = documentKindValues;

export const REFERRAL_REASONS: readonly ReferralReason[] = referralReasonValues;
export const SERVICE_TYPES: readonly ServiceType[] = serviceTypeValues;
export const URGENCIES: readonly Urgency[] = urgencyValues;
export const GENDERS: readonly GenderInput[] = [
  'Feminine',
  'Masculine',
  'TransgenderFeminine',
  'TransgenderMasculine',
  'NonConforming',
  'NonSpecifiedUnknown',
];

export type CaseDirection = Schemas['CaseDirection'];
export type CaseSide = Schemas['CaseSide'];
export type CaseTimelineEntry = Schemas['CaseTimelineEntry'];
export type Consent = Schemas['Consent'];
export type Person = Schemas['Person'];
export type ReturnStatus = Schemas['ReturnStatus'];
export type ReturnStep = Schemas['ReturnStep'];
export type ReturnSummary = Schemas['ReturnSummary'];
export type ReturnList = Schemas['ReturnList'];
export type ReturnView = Schemas['ReturnView'];
export type CreateReturnRequest = Schemas['CreateReturnRequest'];
export type ReturnEscort = Schemas['ReturnEscort'];
export type ReintegrationStatus = Schemas['ReintegrationStatus'];
export type ReintegrationStep = Schemas['ReintegrationStep'];
export type ReintegrationSummary = Schemas['ReintegrationSummary'];
export type ReintegrationList = Schemas['ReintegrationList'];
export type ReintegrationView = Schemas['ReintegrationView'];
export type OpenReintegrationRequest = Schemas['OpenReintegrationRequest'];

export const ESCORT_ROLES: readonly ReturnEscort['role'][] = [
  'social-worker',
  'case-worker',
  'guardian',
  'medical-staff',
  'law-enforcement',
  'international-organisation',
  'other',
];
export type CaseErasure = Schemas['CaseErasure'];

export type IntakeView = Schemas['IntakeView'];
export type IntakeSummary = Schemas['IntakeSummary'];
export type IntakeList = Schemas['IntakeList'];
export type IntakeStatus = Schemas['IntakeStatus'];
export type IntakeChannel = Schemas['IntakeChannel'];
export type IntakeAction = Schemas['IntakeAction'];
export type IntakeScreeningOutcome = Schemas['IntakeScreeningOutcome'];
export type IntakeIndicators = Schemas['IntakeIndicators'];
export type RecordIntakeRequest = Schemas['RecordIntakeRequest'];
export type ScreenIntakeRequest = Schemas['ScreenIntakeRequest'];
export type IntakeReferralRequest = Schemas['IntakeReferralRequest'];

export const INTAKE_CHANNELS: readonly IntakeChannel[] = ['hotline', 'in-person', 'ngo-referral', 'online'];
export const INTAKE_OUTCOMES: readonly IntakeScreeningOutcome[] = [
  'presumed-victim',
  'not-a-case',
  'needs-information',
];
export const REPORTER_RELATIONSHIPS: readonly NonNullable<Schemas['IntakeReporter']['relationship']>[] = [
  'self',
  'family',
  'acquaintance',
  'ngo',
  'authority',
  'other',
];

/**
 * The query of one page of a work list: what referrals, returns and reintegrations all take (the status aside, whose
 * values differ; returns and reintegrations ignore the urgency).
 */
export type CaseListQuery = Omit<NonNullable<NodeApi.operations['listReferrals']['parameters']['query']>, 'status'>;

/** The filters of the HTCDS export. */
export type HtcdsExportQuery = NonNullable<NodeApi.operations['exportHtcdsCsv']['parameters']['query']>;

export type AuditRecordView = Schemas['AuditRecordView'];
export type AuditRecordList = Schemas['AuditRecordList'];
export type AuditRecordQuery = NonNullable<NodeApi.operations['listAuditRecords']['parameters']['query']>;
export type AuditRecordExportQuery = NonNullable<NodeApi.operations['exportAuditRecordsCsv']['parameters']['query']>;
