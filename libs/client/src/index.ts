export type { ApiClientOptions } from './api-client-options';
export { bearerToken } from './bearer-token.middleware';
export { createNodeApiClient, type NodeApiClient } from './node-api.client';
export { createMonitorApiClient, type MonitorApiClient } from './monitor-api.client';
