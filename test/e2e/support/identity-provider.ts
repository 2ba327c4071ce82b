// A real OpenID provider for the browser test (the oidc-provider package): discovery, authorization code with PKCE,
// JWT access tokens for the node API, its development login and consent pages. Run by
// test/e2e/console-identity-provider.e2e.spec.ts as a process of its own (oidc-provider is an ES module):
//   node --import tsx test/e2e/support/identity-provider.ts <port> <console URL> <API resource>
// It prints `ready <issuer>` once it listens.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** The provider's accounts: what it says of each user in the access token (its own role names, mapped by the node). */
const ACCOUNTS: Record<string, { preferred_username: string; country: string; groups: string[] }> = {
  'maria.gomez': { preferred_username: 'maria.gomez', country: 'CO', groups: ['co-punto-focal'] },
};

async function main(port: number, consoleUrl: string, apiResource: string): Promise<void> {
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'enlace-console',
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${consoleUrl}/auth/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'provider-key-1', alg: 'RS256', use: 'sig' }] },
    pkce: { required: () => true },
    clientBasedCORS: () => true,
    findAccount: (_context, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
    extraTokenClaims: (_context, token) => ('accountId' in token ? ACCOUNTS[String(token.accountId)] : undefined),
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => apiResource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'enlace',
          audience: apiResource,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
  });
  const server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  process.stdout.write(`ready ${issuer}\n`);
}

const [port, consoleUrl, apiResource] = process.argv.slice(2);
if (!port || !consoleUrl || !apiResource) {
  console.error('usage: identity-provider.ts <port> <console URL> <API resource>');
  process.exit(64);
}
main(Number(port), consoleUrl, apiResource).catch((error: Error) => {
  console.error(`identity provider: ${error.message}`);
  process.exit(1);
});
