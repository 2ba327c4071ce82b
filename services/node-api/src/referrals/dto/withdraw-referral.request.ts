import type { NodeApiSchemas } from '@enlace/contracts';

export type WithdrawReferralRequest = NodeApiSchemas['WithdrawReferralRequest'];
