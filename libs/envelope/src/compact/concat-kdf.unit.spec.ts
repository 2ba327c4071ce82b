import { concatKdfSha256 } from './concat-kdf';

describe(concatKdfSha256, () => {
  it('should derive the key of the ECDH-ES example in RFC 7518 appendix C', () => {
    const sharedSecret = Uint8Array.from([
      158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251, 49, 110, 163, 218, 128, 106, 72,
      246, 218, 167, 121, 140, 254, 144, 196,
    ]);

    const key = concatKdfSha256(sharedSecret, 'A128GCM', Buffer.from('Alice'), Buffer.from('Bob'), 128);

    expect(key.toString('base64url')).toBe('VqqN6vgjbSBcIijNcacQGg');
  });

  it('should derive as many bytes as asked, over several rounds beyond 256 bits', () => {
    const sharedSecret = new Uint8Array(32).fill(7);
    const long = concatKdfSha256(sharedSecret, 'X', new Uint8Array(), new Uint8Array(), 512);
    const short = concatKdfSha256(sharedSecret, 'X', new Uint8Array(), new Uint8Array(), 256);

    expect(long).toHaveLength(64);
    expect(short).toHaveLength(32);
    // The key length is an input of the KDF: a shorter key is not a prefix of a longer one.
    expect(long.subarray(0, 32).equals(short)).toBe(false);
  });
});
