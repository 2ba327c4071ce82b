import { generateKeyPairSync, KeyObject, type webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { CompactSign, compactVerify, generateKeyPair, type CryptoKey } from 'jose';
import { ENVELOPE_JWS_ALG } from '../envelope-wire.constants';
import { signEd25519Jws, verifyEd25519Jws } from './ed25519-jws';
import { InvalidCompactJoseError } from './invalid-compact-jose.error';

interface KeyPair {
  jose: { publicKey: CryptoKey; privateKey: CryptoKey };
  node: { publicKey: KeyObject; privateKey: KeyObject };
}

async function ed25519Pair(): Promise<KeyPair> {
  const jose = await generateKeyPair(ENVELOPE_JWS_ALG, { extractable: true });
  const node = (key: CryptoKey) => KeyObject.from(key as webcrypto.CryptoKey);
  return { jose, node: { publicKey: node(jose.publicKey), privateKey: node(jose.privateKey) } };
}

/** Header parameters that change how a JWS is read: random extra parameters stay clear of them. */
const REGISTERED = new Set(['alg', 'crit', 'b64', 'jku', 'jwk', 'x5u', 'x5c']);
const headers = fc
  .dictionary(
    fc.stringMatching(/^[a-z][a-z0-9.-]{0,15}$/).filter((name) => !REGISTERED.has(name)),
    fc.jsonValue(),
    { maxKeys: 6 },
  )
  .map((extra) => ({ alg: ENVELOPE_JWS_ALG, ...extra }));
const payloads = fc.uint8Array({ maxLength: 6000 });

function split(jws: string): { signingInput: string; signature: Uint8Array } {
  const lastDot = jws.lastIndexOf('.');
  return { signingInput: jws.slice(0, lastDot), signature: Buffer.from(jws.slice(lastDot + 1), 'base64url') };
}

function nodeVerifies(jws: string, key: KeyObject): boolean {
  const { signingInput, signature } = split(jws);
  try {
    verifyEd25519Jws(signingInput, signature, key);
    return true;
  } catch (error) {
    if (!(error instanceof InvalidCompactJoseError)) throw error;
    return false;
  }
}

describe('Ed25519 JWS on node:crypto', () => {
  let keys: KeyPair[];

  beforeAll(async () => {
    keys = await Promise.all([ed25519Pair(), ed25519Pair(), ed25519Pair()]);
  });

  const keyIndex = fc.nat({ max: 2 });

  describe(signEd25519Jws, () => {
    it("should sign jose's bytes exactly, which jose verifies, for random headers, payloads and keys", async () => {
      await fc.assert(
        fc.asyncProperty(headers, payloads, keyIndex, async (header, payload, index) => {
          const { jose, node } = keys[index] as KeyPair;

          const ours = signEd25519Jws(header, payload, node.privateKey);
          const theirs = await new CompactSign(payload).setProtectedHeader(header).sign(jose.privateKey);
          const verified = await compactVerify(ours, jose.publicKey, { algorithms: [ENVELOPE_JWS_ALG] });

          // Ed25519 is deterministic: the same inputs give the same signature.
          expect(ours).toBe(theirs);
          expect(Buffer.from(verified.payload).equals(Buffer.from(payload))).toBe(true);
        }),
        { numRuns: 150 },
      );
    });

    it('should refuse a key that is not an Ed25519 private key', () => {
      const header = { alg: ENVELOPE_JWS_ALG };

      expect(() => signEd25519Jws(header, new Uint8Array(1), generateKeyPairSync('x25519').privateKey)).toThrow(
        InvalidCompactJoseError,
      );
      expect(() => signEd25519Jws(header, new Uint8Array(1), (keys[0] as KeyPair).node.publicKey)).toThrow(
        InvalidCompactJoseError,
      );
    });
  });

  describe(verifyEd25519Jws, () => {
    it('should verify what jose signs', async () => {
      await fc.assert(
        fc.asyncProperty(headers, payloads, keyIndex, async (header, payload, index) => {
          const { jose, node } = keys[index] as KeyPair;

          const jws = await new CompactSign(payload).setProtectedHeader(header).sign(jose.privateKey);

          expect(nodeVerifies(jws, node.publicKey)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });

    it('should refuse another signer, as jose does', async () => {
      await fc.assert(
        fc.asyncProperty(payloads, keyIndex, fc.integer({ min: 1, max: 2 }), async (payload, index, shift) => {
          const signer = keys[index] as KeyPair;
          const other = keys[(index + shift) % 3] as KeyPair;
          const jws = signEd25519Jws({ alg: ENVELOPE_JWS_ALG }, payload, signer.node.privateKey);

          expect(nodeVerifies(jws, other.node.publicKey)).toBe(false);
          await expect(compactVerify(jws, other.jose.publicKey)).rejects.toThrow();
        }),
        { numRuns: 30 },
      );
    });

    it('should refuse every flipped bit of the signing input and of the signature', () => {
      const { node } = keys[0] as KeyPair;
      const { signingInput, signature } = split(
        signEd25519Jws({ alg: ENVELOPE_JWS_ALG }, new Uint8Array(40), node.privateKey),
      );

      for (let position = 0; position < signingInput.length; position += 1) {
        for (let bit = 0; bit < 7; bit += 1) {
          const flipped = String.fromCharCode(signingInput.charCodeAt(position) ^ (1 << bit));
          const tampered = signingInput.slice(0, position) + flipped + signingInput.slice(position + 1);
          expect(() => verifyEd25519Jws(tampered, signature, node.publicKey)).toThrow(InvalidCompactJoseError);
        }
      }
      for (let position = 0; position < signature.length; position += 1) {
        for (let bit = 0; bit < 8; bit += 1) {
          const tampered = Buffer.from(signature);
          tampered.writeUInt8(tampered.readUInt8(position) ^ (1 << bit), position);
          expect(() => verifyEd25519Jws(signingInput, tampered, node.publicKey)).toThrow(InvalidCompactJoseError);
        }
      }
    });

    it('should refuse a key that is not an Ed25519 public key', () => {
      const { node } = keys[0] as KeyPair;
      const { signingInput, signature } = split(
        signEd25519Jws({ alg: ENVELOPE_JWS_ALG }, new Uint8Array(1), node.privateKey),
      );

      expect(() => verifyEd25519Jws(signingInput, signature, generateKeyPairSync('x25519').publicKey)).toThrow(
        InvalidCompactJoseError,
      );
    });
  });
});
