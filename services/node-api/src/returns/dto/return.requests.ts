import type { NodeApiSchemas } from '@enlace/contracts';

/** Bodies and answers of the return endpoints, as contracts/openapi/node-api.openapi.yaml defines them. */
export type CreateReturnRequest = NodeApiSchemas['CreateReturnRequest'];
export type ReturnView = NodeApiSchemas['ReturnView'];
export type ReturnSummary = NodeApiSchemas['ReturnSummary'];
export type ReturnList = NodeApiSchemas['ReturnList'];
