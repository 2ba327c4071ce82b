import type { NodeApiSchemas } from '@enlace/contracts';

export type StartServiceRequest = NodeApiSchemas['StartServiceRequest'];
