import { KeyObject } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader } from 'jose';
import type { OidcConfig } from './oidc-config';

type KeySet = ReturnType<typeof createRemoteJWKSet>;
type JoseKey = Awaited<ReturnType<KeySet>>;

/**
 * The identity provider's signing keys, fetched from its JWKS (found by OIDC discovery when not configured) and
 * cached by jose, which fetches again when a token names a key id it does not know yet (key rotation).
 */
export class OidcSigningKeys {
  private keySet?: Promise<KeySet>;
  /**
   * jose keeps each key it imported (one object per key and algorithm), so its node:crypto form is made once per key,
   * not once per token; a key that leaves the set goes with jose's object.
   */
  private readonly keyObjects = new WeakMap<JoseKey, KeyObject>();

  constructor(private readonly config: OidcConfig) {}

  /** The public key that should have signed `token`; throws when there is none. */
  async keyFor(token: string): Promise<KeyObject> {
    const header = decodeProtectedHeader(token);
    const key = await (await this.keys())(header);
    let keyObject = this.keyObjects.get(key);
    if (!keyObject) {
      keyObject = KeyObject.from(key as Parameters<typeof KeyObject.from>[0]);
      this.keyObjects.set(key, keyObject);
    }
    return keyObject;
  }

  private keys(): Promise<KeySet> {
    this.keySet ??= this.jwksUri().then((uri) => createRemoteJWKSet(new URL(uri)));
    // A failed discovery is tried again with the next token rather than remembered for ever.
    this.keySet.catch(() => (this.keySet = undefined));
    return this.keySet;
  }

  private async jwksUri(): Promise<string> {
    if (this.config.jwksUri) return this.config.jwksUri;
    const discovery = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(discovery, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`OIDC discovery at ${discovery} answered HTTP ${response.status}`);
    const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    // OIDC Discovery §4.3: the metadata must name the very issuer it was fetched for.
    if (metadata.issuer !== this.config.issuer) throw new Error(`OIDC discovery at ${discovery} names another issuer`);
    if (typeof metadata.jwks_uri !== 'string') throw new Error(`OIDC discovery at ${discovery} names no jwks_uri`);
    return metadata.jwks_uri;
  }
}
