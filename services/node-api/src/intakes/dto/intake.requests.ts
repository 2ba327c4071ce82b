import type { NodeApiSchemas } from '@enlace/contracts';

/** Bodies and answers of the intake endpoints, as contracts/openapi/node-api.openapi.yaml defines them. */
export type RecordIntakeRequest = NodeApiSchemas['RecordIntakeRequest'];
export type ScreenIntakeRequest = NodeApiSchemas['ScreenIntakeRequest'];
export type MergeIntakeRequest = NodeApiSchemas['MergeIntakeRequest'];
export type IntakeReferralRequest = NodeApiSchemas['IntakeReferralRequest'];
export type IntakeReturnRequest = NodeApiSchemas['IntakeReturnRequest'];
export type IntakeView = NodeApiSchemas['IntakeView'];
export type IntakeSummary = NodeApiSchemas['IntakeSummary'];
export type IntakeAction = NodeApiSchemas['IntakeAction'];
