import fc from 'fast-check';
import { decodeCanonicalBase64url } from './base64url-segment';

describe(decodeCanonicalBase64url, () => {
  it('should decode what base64url encodes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeCanonicalBase64url(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
      }),
    );
  });

  it('should refuse a last character whose unused bits are set', () => {
    // 'AQ' is the canonical encoding of [1]; 'AR' decodes to the same byte in lenient decoders.
    expect(decodeCanonicalBase64url('AQ')).toEqual(Uint8Array.of(1));
    expect(decodeCanonicalBase64url('AR')).toBeUndefined();
  });

  it.each(['AQ==', 'A+/B', 'A', 'AQ AQ', 'é'])('should refuse %p', (segment) => {
    expect(decodeCanonicalBase64url(segment)).toBeUndefined();
  });
});
