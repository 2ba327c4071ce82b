import { sign, verify, type KeyObject } from 'node:crypto';
import { InvalidCompactJoseError } from './invalid-compact-jose.error';
import { assertKeyType } from './key-type';

/**
 * JWS compact serialization with EdDSA on Ed25519, signed and checked with node:crypto. Ed25519 signatures are
 * deterministic, so for the same header, payload and key the wire is jose's, byte for byte.
 */

/** The header is serialised as given (jose keeps the caller's member order too). */
export function signEd25519Jws(header: Record<string, unknown>, payload: Uint8Array, privateKey: KeyObject): string {
  assertKeyType(privateKey, 'ed25519', 'private');
  const signingInput = `${base64url(Buffer.from(JSON.stringify(header), 'utf8'))}.${base64url(payload)}`;
  return `${signingInput}.${base64url(sign(null, Buffer.from(signingInput, 'ascii'), privateKey))}`;
}

/**
 * Checks the signature over the signing input, the wire's first two segments as they are. The header's own checks
 * (alg, typ, crit) belong to whoever parsed it.
 */
export function verifyEd25519Jws(signingInput: string, signature: Uint8Array, publicKey: KeyObject): void {
  assertKeyType(publicKey, 'ed25519', 'public');
  if (!verify(null, Buffer.from(signingInput, 'ascii'), publicKey, signature)) {
    throw new InvalidCompactJoseError('The JWS signature does not verify');
  }
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64url');
}
