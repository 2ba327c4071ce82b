// A real OpenID provider for the browser tests (the oidc-provider package): discovery, authorization code with PKCE,
// JWT access tokens for each API resource named (a node API, the monitor), its development login and consent pages.
// Started by identity-provider-process.ts as a process of its own (oidc-provider is an ES module):
//   node --import tsx test/e2e/support/identity-provider.ts <port> <console URL> <API resource>[,<API resource>...]
// It prints `ready <issuer>` once it listens.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { errors } from 'oidc-provider';

/**
 * The provider's accounts: what it says of each user in the access token (its own role names, mapped by the node or
 * the monitor). The secretariat's users belong to no country.
 */
const ACCOUNTS: Record<string, { preferred_username: string; country?: string; groups: string[] }> = {
  'maria.gomez': { preferred_username: 'maria.gomez', country: 'CO', groups: ['co-punto-focal'] },
  'ana.secretaria': { preferred_username: 'ana.secretaria', groups: ['sec-staff'] },
  // a user of the provider without any role of the secretariat
  'pedro.visitante': { preferred_username: 'pedro.visitante', groups: ['visitors'] },
};

async function main(port: number, consoleUrl: string, apiResources: readonly string[]): Promise<void> {
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
        defaultResource: () => apiResources[0] as string,
        useGrantedResource: () => true,
        // Each API its own audience: a token for the node API is not one for the monitor, nor the reverse.
        getResourceServerInfo: (_context, resourceIndicator) => {
          if (!apiResources.includes(resourceIndicator)) throw new errors.InvalidTarget();
          return {
            scope: 'enlace',
            audience: resourceIndicator,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
  });
  const server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  process.stdout.write(`ready ${issuer}\n`);
}

const [port, consoleUrl, apiResources] = process.argv.slice(2);
if (!port || !consoleUrl || !apiResources) {
  console.error('usage: identity-provider.ts <port> <console URL> <API resource>[,<API resource>...]');
  process.exit(64);
}
main(Number(port), consoleUrl, apiResources.split(',')).catch((error: Error) => {
  console.error(`identity provider: ${error.message}`);
  process.exit(1);
});
