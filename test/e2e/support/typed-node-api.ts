import { createNodeApiClient, type NodeApiClient } from '@enlace/client';

/**
 * The typed client of libs/client for a node at `apiUrl` (its origin, as the local network names it), signed in as
 * `username`: what the end-to-end tests call the node API with, paths and bodies as the OpenAPI document says.
 */
export async function signedInNodeApi(apiUrl: string, username: string, password: string): Promise<NodeApiClient> {
  const baseUrl = `${apiUrl}/api/v1`;
  const { data, response } = await createNodeApiClient({ baseUrl }).POST('/auth/token', {
    body: { username, password },
  });
  if (!data) throw new Error(`login of ${username} at ${apiUrl} failed: HTTP ${response.status}`);
  return createNodeApiClient({ baseUrl, token: data.accessToken });
}
