import { base64url } from 'jose';

const BASE64URL_ALPHABET = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes one segment of a compact serialization, or returns undefined. Only the canonical encoding is accepted:
 * decoders ignore the unused low bits of the last character, so a wire altered there would otherwise still open
 * (same bytes, different wire and digest).
 */
export function decodeCanonicalBase64url(segment: string): Uint8Array | undefined {
  if (!BASE64URL_ALPHABET.test(segment)) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(segment);
  } catch {
    return undefined;
  }
  return base64url.encode(bytes) === segment ? bytes : undefined;
}
