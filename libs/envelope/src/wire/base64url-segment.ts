const BASE64URL_ALPHABET = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes one segment of a compact serialization, or returns undefined. Only the canonical encoding is accepted:
 * decoders ignore the unused low bits of the last character, so a wire altered there would otherwise still open
 * (same bytes, different wire and digest).
 */
export function decodeCanonicalBase64url(segment: string): Uint8Array | undefined {
  // A remainder of 1 character cannot encode a whole byte.
  if (segment.length % 4 === 1 || !BASE64URL_ALPHABET.test(segment)) return undefined;
  const bytes = Buffer.from(segment, 'base64url');
  // Re-encoding is the one check that covers every way of spelling the same bytes differently.
  return bytes.toString('base64url') === segment
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
    : undefined;
}
