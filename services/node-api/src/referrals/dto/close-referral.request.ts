import type { NodeApiSchemas } from '@enlace/contracts';

export type CloseReferralRequest = NodeApiSchemas['CloseReferralRequest'];
