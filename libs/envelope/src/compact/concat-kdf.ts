import { createHash } from 'node:crypto';

const SHA256_BYTES = 32;

/**
 * The Concat KDF of NIST SP 800-56A with SHA-256, with the OtherInfo RFC 7518 §4.6.2 defines for ECDH-ES:
 * AlgorithmID, PartyUInfo and PartyVInfo each prefixed with their 32-bit big-endian length, then SuppPubInfo (the
 * key length in bits, 32-bit big-endian); SuppPrivInfo is empty.
 */
export function concatKdfSha256(
  sharedSecret: Uint8Array,
  algorithmId: string,
  partyUInfo: Uint8Array,
  partyVInfo: Uint8Array,
  keyDataLengthBits: number,
): Buffer {
  const otherInfo = Buffer.concat([
    lengthPrefixed(Buffer.from(algorithmId, 'ascii')),
    lengthPrefixed(partyUInfo),
    lengthPrefixed(partyVInfo),
    uint32be(keyDataLengthBits),
  ]);
  const keyBytes = keyDataLengthBits >> 3;
  const rounds = Math.ceil(keyBytes / SHA256_BYTES);
  const derived = Buffer.alloc(rounds * SHA256_BYTES);
  for (let round = 1; round <= rounds; round += 1) {
    createHash('sha256')
      .update(uint32be(round))
      .update(sharedSecret)
      .update(otherInfo)
      .digest()
      .copy(derived, (round - 1) * SHA256_BYTES);
  }
  return derived.subarray(0, keyBytes);
}

function lengthPrefixed(bytes: Uint8Array): Buffer {
  return Buffer.concat([uint32be(bytes.length), bytes]);
}

function uint32be(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}
