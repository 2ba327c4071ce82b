import { createPublicKey, diffieHellman, sign, verify } from 'node:crypto';
import { newOkpJwkPair, newOkpPrivateKey, okpPrivateKeyOf, okpPublicJwk } from './okp-keys';

const hex = (value: string) => Buffer.from(value, 'hex');
const b64url = (value: string) => hex(value).toString('base64url');

describe('OKP keys made from random bytes', () => {
  describe(okpPrivateKeyOf, () => {
    // RFC 7748 §6.1: Alice's and Bob's X25519 private keys, public keys and shared secret.
    const alice = {
      d: '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a',
      x: '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
    };
    const bob = {
      d: '5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb',
      x: 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f',
    };

    it('should take an X25519 public value from the 32 bytes alone, whatever placeholder the import is given', () => {
      for (const { d, x } of [alice, bob]) {
        expect(okpPublicJwk(okpPrivateKeyOf('X25519', hex(d)))).toEqual({ kty: 'OKP', crv: 'X25519', x: b64url(x) });
      }
    });

    it("should agree on RFC 7748's shared secret", () => {
      const secret = diffieHellman({
        privateKey: okpPrivateKeyOf('X25519', hex(alice.d)),
        publicKey: createPublicKey(okpPrivateKeyOf('X25519', hex(bob.d))),
      });

      expect(secret.toString('hex')).toBe('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');
    });

    it("should sign as RFC 8032's first Ed25519 test vector", () => {
      const key = okpPrivateKeyOf('Ed25519', hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'));

      expect(okpPublicJwk(key).x).toBe(b64url('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'));
      expect(sign(null, Buffer.alloc(0), key).toString('hex')).toBe(
        'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
      );
    });
  });

  describe(newOkpPrivateKey, () => {
    it('should be a new private key of the curve at every call', () => {
      const first = newOkpPrivateKey('X25519');

      expect(first.type).toBe('private');
      expect(first.asymmetricKeyType).toBe('x25519');
      expect(okpPublicJwk(first).x).not.toBe(okpPublicJwk(newOkpPrivateKey('X25519')).x);
      expect(newOkpPrivateKey('Ed25519').asymmetricKeyType).toBe('ed25519');
    });
  });

  describe(newOkpJwkPair, () => {
    it('should give a private JWK whose public half is the public JWK, and which signs what the public one verifies', () => {
      const { privateJwk, publicJwk } = newOkpJwkPair('Ed25519');
      const { d, ...publicHalf } = privateJwk;
      const signature = sign(null, Buffer.from('entry'), { key: privateJwk, format: 'jwk' });

      expect(typeof d).toBe('string');
      expect(publicHalf).toEqual(publicJwk);
      expect(verify(null, Buffer.from('entry'), { key: publicJwk, format: 'jwk' }, signature)).toBe(true);
    });
  });
});
