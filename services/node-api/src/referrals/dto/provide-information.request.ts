import type { NodeApiSchemas } from '@enlace/contracts';

export type ProvideInformationRequest = NodeApiSchemas['ProvideInformationRequest'];
