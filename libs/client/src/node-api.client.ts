import createClient, { type Client } from 'openapi-fetch';
import type { NodeApi } from '@enlace/contracts';
import type { ApiClientOptions } from './api-client-options';
import { bearerToken } from './bearer-token.middleware';

/** A typed client of a country's node API: paths, parameters, bodies and answers as its OpenAPI document says. */
export type NodeApiClient = Client<NodeApi.paths, 'application/json'>;

/**
 * A client of the node API at `options.baseUrl`. Every call answers `{ data, error, response }`: `data` when the
 * node answered 2xx, `error` (the problem+json body) otherwise; a network failure rejects.
 */
export function createNodeApiClient(options: ApiClientOptions): NodeApiClient {
  const client = createClient<NodeApi.paths, 'application/json'>({
    baseUrl: options.baseUrl,
    credentials: 'omit',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (options.token) client.use(bearerToken(options.token));
  return client;
}
