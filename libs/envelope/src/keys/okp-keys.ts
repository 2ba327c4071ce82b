import { createPrivateKey, createPublicKey, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';

/** The curves of the network's keys: Ed25519 signs, X25519 agrees on keys. Their private keys are 32 bytes. */
export type OkpCurve = 'Ed25519' | 'X25519';
const OKP_KEY_BYTES = 32;
/**
 * Node's JWK import wants an `x` member beside `d` but derives a private key's public value from `d` alone (the unit
 * spec holds it to RFC 8032's and RFC 7748's vectors): a placeholder of the right length stands in for it.
 */
const PLACEHOLDER_X = Buffer.alloc(OKP_KEY_BYTES).toString('base64url');

/**
 * The private key of these 32 bytes (an Ed25519 seed, RFC 8032 §5.1.5, or an X25519 scalar, RFC 7748 §5: any 32 bytes
 * are one), imported as a JWK.
 *
 * Keys are made this way, from random bytes, rather than by generateKeyPair(Sync) or WebCrypto's generateKey: Node 20
 * can deadlock exporting a key it has just generated (seen in a courier and in the bench under load, the main thread
 * stopped for good; gdb showed the JWK export holding the key's mutex while it allocates, the allocation running the
 * garbage collector, and the collector's weak callback for the finished key generation job waiting on that mutex).
 * Reading the key from DER would avoid it too, at 12 times the CPU.
 */
export function okpPrivateKeyOf(crv: OkpCurve, bytes: Uint8Array): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv, d: Buffer.from(bytes).toString('base64url'), x: PLACEHOLDER_X },
    format: 'jwk',
  });
}

/** A fresh private key of the curve, from the system's secure random source. */
export function newOkpPrivateKey(crv: OkpCurve): KeyObject {
  return okpPrivateKeyOf(crv, randomBytes(OKP_KEY_BYTES));
}

/** The public JWK of a private key (kty, crv, x). */
export function okpPublicJwk(privateKey: KeyObject): JWK {
  const { kty, crv, x } = createPublicKey(privateKey).export({ format: 'jwk' }) as JsonWebKey;
  if (typeof x !== 'string') throw new TypeError('The key has no public value');
  return { kty, crv, x };
}

/** A fresh key pair of the curve as JWKs, the private one with its public value (what jose's exportJWK gives). */
export function newOkpJwkPair(crv: OkpCurve): { privateJwk: JWK; publicJwk: JWK } {
  const bytes = randomBytes(OKP_KEY_BYTES);
  const publicJwk = okpPublicJwk(okpPrivateKeyOf(crv, bytes));
  return { privateJwk: { ...publicJwk, d: bytes.toString('base64url') }, publicJwk };
}
