import type { NodeApiSchemas } from '@enlace/contracts';

export type DeclineReferralRequest = NodeApiSchemas['DeclineReferralRequest'];
