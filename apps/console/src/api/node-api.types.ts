import type { NodeApi } from '@enlace/contracts';

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
export type ReferralDirection = Schemas['ReferralDirection'];

export const REFERRAL_REASONS: readonly ReferralReason[] = [
  'AdditionalServicesRequired',
  'MigrationOrChangeOfLocation',
  'Other',
];
export const SERVICE_TYPES: readonly ServiceType[] = [
  'Education',
  'Financial',
  'Health',
  'LabourExploitationRehabilitation',
  'Legal',
  'Livelihood',
  'RightsBasedTraining',
  'SexualExploitationRehabilitation',
  'SocialCare',
];
export const URGENCIES: readonly Urgency[] = ['low', 'medium', 'high'];
export const GENDERS: readonly GenderInput[] = [
  'Feminine',
  'Masculine',
  'TransgenderFeminine',
  'TransgenderMasculine',
  'NonConforming',
  'NonSpecifiedUnknown',
];
