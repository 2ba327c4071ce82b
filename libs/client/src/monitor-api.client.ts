import createClient, { type Client } from 'openapi-fetch';
import type { MonitorApi } from '@enlace/contracts';
import type { ApiClientOptions } from './api-client-options';
import { bearerToken } from './bearer-token.middleware';

/** A typed client of the secretariat's monitor API. */
export type MonitorApiClient = Client<MonitorApi.paths, 'application/json'>;

/** A client of the monitor API at `options.baseUrl`; answers as the node API client's do. */
export function createMonitorApiClient(options: ApiClientOptions): MonitorApiClient {
  const client = createClient<MonitorApi.paths, 'application/json'>({
    baseUrl: options.baseUrl,
    credentials: 'omit',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (options.token) client.use(bearerToken(options.token));
  return client;
}
