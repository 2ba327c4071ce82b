import type { NodeApiSchemas } from '@enlace/contracts';

export type RequestInformationRequest = NodeApiSchemas['RequestInformationRequest'];
