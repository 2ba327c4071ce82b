import { createHash, randomBytes } from 'node:crypto';
import { DOCUMENT_CHUNK_BYTES, documentChunks, documentDigest } from './document-chunks';

describe('documentChunks', () => {
  it('should cut a document into chunks of 192 KiB, the last one shorter, that add up to it', () => {
    const content = randomBytes(5 * 1024 * 1024 + 17);

    const chunks = documentChunks(content);

    expect(DOCUMENT_CHUNK_BYTES).toBe(196_608);
    expect(chunks).toHaveLength(27);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length === DOCUMENT_CHUNK_BYTES)).toBe(true);
    expect(chunks.at(-1)?.length).toBe(content.length - 26 * DOCUMENT_CHUNK_BYTES);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
  });

  it('should keep a document of exactly one chunk whole, and one byte more in two', () => {
    expect(documentChunks(randomBytes(DOCUMENT_CHUNK_BYTES))).toHaveLength(1);
    expect(documentChunks(randomBytes(DOCUMENT_CHUNK_BYTES + 1)).map((chunk) => chunk.length)).toEqual([
      DOCUMENT_CHUNK_BYTES,
      1,
    ]);
  });

  it('should keep a chunk, base64 in a message, within the contract of document.chunk.v1 (262,144 characters)', () => {
    const [chunk] = documentChunks(randomBytes(DOCUMENT_CHUNK_BYTES));

    expect(chunk?.toString('base64').length).toBe(262_144);
  });
});

describe('documentDigest', () => {
  it('should be the SHA-256 of the bytes in lower-case hex', () => {
    const content = randomBytes(1000);

    expect(documentDigest(content)).toBe(createHash('sha256').update(content).digest('hex'));
    expect(documentDigest(content)).toMatch(/^[0-9a-f]{64}$/);
  });
});
