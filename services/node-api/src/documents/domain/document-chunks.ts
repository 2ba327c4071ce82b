import { createHash } from 'node:crypto';

/**
 * The bytes of one chunk at most: a chunk travels as one envelope, base64 inside a JWE inside a JWS (about 2.4 times
 * its size on the wire, 455 KiB), so one Kafka record stays well under the broker's 1 MB limit and a fetch of 512 KiB
 * per partition.
 */
export const DOCUMENT_CHUNK_BYTES = 192 * 1024;

/** `content` cut, in order, into chunks of DOCUMENT_CHUNK_BYTES (the last one shorter); views, no copies. */
export function documentChunks(content: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let start = 0; start < content.length; start += DOCUMENT_CHUNK_BYTES) {
    chunks.push(content.subarray(start, start + DOCUMENT_CHUNK_BYTES));
  }
  return chunks;
}

/** SHA-256 of the whole document, in lower-case hex, as document.chunk.v1 carries it. */
export function documentDigest(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
