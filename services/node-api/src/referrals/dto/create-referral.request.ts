import type { NodeApiSchemas } from '@enlace/contracts';

/** Bodies and answers of the referral endpoints, as contracts/openapi/node-api.openapi.yaml defines them. */
export type CreateReferralRequest = NodeApiSchemas['CreateReferralRequest'];
