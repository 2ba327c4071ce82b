import type { NodeApiSchemas } from '@enlace/contracts';

export type AcceptReferralRequest = NodeApiSchemas['AcceptReferralRequest'];
