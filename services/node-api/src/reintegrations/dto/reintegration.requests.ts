import type { NodeApiSchemas } from '@enlace/contracts';

/** Bodies and answers of the reintegration endpoints, as contracts/openapi/node-api.openapi.yaml defines them. */
export type OpenReintegrationRequest = NodeApiSchemas['OpenReintegrationRequest'];
export type ReintegrationView = NodeApiSchemas['ReintegrationView'];
export type ReintegrationSummary = NodeApiSchemas['ReintegrationSummary'];
export type ReintegrationList = NodeApiSchemas['ReintegrationList'];
