import { KeyObject, type webcrypto } from 'node:crypto';
import type { CryptoKey } from 'jose';
import { assertKeyType } from '../compact/key-type';

/**
 * The node:crypto handle of a key jose imported, checked to be of the curve and half its use needs. Keys are
 * imported and checked through jose, off the hot path; each message is then sealed and opened through
 * node:crypto, which costs a fraction of going through WebCrypto.
 */
export function keyObjectOf(key: CryptoKey, curve: 'x25519' | 'ed25519', type: 'public' | 'private'): KeyObject {
  const keyObject = KeyObject.from(key as webcrypto.CryptoKey);
  assertKeyType(keyObject, curve, type);
  return keyObject;
}
