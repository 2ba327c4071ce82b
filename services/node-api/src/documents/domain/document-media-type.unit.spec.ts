import { extensionOf, sniffDocumentMediaType } from './document-media-type';

const withTail = (head: number[] | string) =>
  Buffer.concat([typeof head === 'string' ? Buffer.from(head, 'ascii') : Buffer.from(head), Buffer.from('rest')]);

describe('sniffDocumentMediaType', () => {
  it('should know a PDF, a PNG and a JPEG by their first bytes', () => {
    expect(sniffDocumentMediaType(withTail('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffDocumentMediaType(withTail([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffDocumentMediaType(withTail([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  });

  it('should refuse what is not one of them, whatever it claims to be', () => {
    expect(sniffDocumentMediaType(withTail('<html><body>%PDF-</body>'))).toBeUndefined();
    expect(sniffDocumentMediaType(withTail('MZ\x90\x00'))).toBeUndefined();
    expect(sniffDocumentMediaType(withTail([0x50, 0x4b, 0x03, 0x04]))).toBeUndefined();
  });

  it('should refuse a signature with nothing after it, and an empty content', () => {
    expect(sniffDocumentMediaType(Buffer.from('%PDF-', 'ascii'))).toBeUndefined();
    expect(sniffDocumentMediaType(Buffer.alloc(0))).toBeUndefined();
  });

  it('should read a view into a larger buffer from its own start', () => {
    const larger = Buffer.concat([Buffer.from('junk'), withTail('%PDF-1.4')]);

    expect(sniffDocumentMediaType(larger.subarray(4))).toBe('application/pdf');
    expect(sniffDocumentMediaType(new Uint8Array(larger.buffer, larger.byteOffset, 8))).toBeUndefined();
  });
});

describe('extensionOf', () => {
  it('should name a download by its type', () => {
    expect([extensionOf('application/pdf'), extensionOf('image/png'), extensionOf('image/jpeg')]).toEqual([
      'pdf',
      'png',
      'jpg',
    ]);
    expect(extensionOf('text/html')).toBe('bin');
  });
});
