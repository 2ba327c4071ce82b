import { importJWK, type CryptoKey } from 'jose';
import type { PrivateKeyEntry } from './node-keys.types';

/** Imports a node's own private key, not extractable: once imported, the key material stays inside WebCrypto. */
export async function importPrivateKey(entry: PrivateKeyEntry, alg: string): Promise<CryptoKey> {
  const key = await importJWK(entry.privateJwk, alg, { extractable: false });
  if (key instanceof Uint8Array || key.type !== 'private') throw new TypeError(`Key ${entry.kid} is not a private key`);
  return key;
}
