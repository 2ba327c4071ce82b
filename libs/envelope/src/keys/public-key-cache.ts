import { importJWK, type CryptoKey, type JWK } from 'jose';
import type { PublicJwkWithMeta } from '../directory/member-directory.port';

/**
 * Imported directory keys, so that no message pays for a key import. Entries are keyed by kid and the key's
 * public value together: a directory update that reuses a kid for another key must not be served the old one.
 */
export class PublicKeyCache {
  private readonly imported = new Map<string, Promise<CryptoKey>>();

  constructor(private readonly alg: string) {}

  get(key: PublicJwkWithMeta): Promise<CryptoKey> {
    const cacheKey = `${key.kid}\u0000${key.jwk.crv ?? ''}\u0000${key.jwk.x ?? ''}`;
    let pending = this.imported.get(cacheKey);
    if (pending === undefined) {
      pending = importPublicKey(key.jwk, this.alg);
      this.imported.set(cacheKey, pending);
      // A failed import is not cached: the directory may be corrected.
      pending.catch(() => this.imported.delete(cacheKey));
    }
    return pending;
  }
}

async function importPublicKey(jwk: JWK, alg: string): Promise<CryptoKey> {
  const key = await importJWK(jwk, alg);
  if (key instanceof Uint8Array || key.type !== 'public') throw new TypeError('Not a public key');
  return key;
}
