import { generateKeyPairSync, KeyObject, randomBytes, type webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { CompactEncrypt, compactDecrypt, generateKeyPair, type CryptoKey } from 'jose';
import { PAYLOAD_JWE_ALG, PAYLOAD_JWE_ENC } from '../envelope-wire.constants';
import { decryptEcdhEsJwe, encryptEcdhEsJwe, readCompactJwe, type EcdhEsJweHeaderParameters } from './ecdh-es-jwe';
import { InvalidCompactJoseError } from './invalid-compact-jose.error';

interface KeyPair {
  jose: { publicKey: CryptoKey; privateKey: CryptoKey };
  node: { publicKey: KeyObject; privateKey: KeyObject };
}

async function x25519Pair(): Promise<KeyPair> {
  const jose = await generateKeyPair(PAYLOAD_JWE_ALG, { crv: 'X25519', extractable: true });
  return { jose, node: { publicKey: nodeKey(jose.publicKey), privateKey: nodeKey(jose.privateKey) } };
}

function nodeKey(key: CryptoKey): KeyObject {
  return KeyObject.from(key as webcrypto.CryptoKey);
}

const JOSE_OPTIONS = { keyManagementAlgorithms: [PAYLOAD_JWE_ALG], contentEncryptionAlgorithms: [PAYLOAD_JWE_ENC] };
/** Header parameters that have a meaning to JWE: random extra parameters stay clear of them. */
const REGISTERED = new Set(['alg', 'enc', 'epk', 'apu', 'apv', 'crit', 'zip', 'iv', 'tag', 'p2s', 'p2c', 'jku', 'jwk']);
const extraParameters = fc.dictionary(
  fc.stringMatching(/^[a-z][a-z0-9.-]{0,15}$/).filter((name) => !REGISTERED.has(name)),
  fc.jsonValue(),
  { maxKeys: 6 },
);
const headers = extraParameters.map((extra): EcdhEsJweHeaderParameters => ({
  alg: PAYLOAD_JWE_ALG,
  enc: PAYLOAD_JWE_ENC,
  ...extra,
}));
const plaintexts = fc.uint8Array({ maxLength: 4096 });
const utf8 = new TextDecoder();

async function joseOpens(jwe: string, key: CryptoKey): Promise<Uint8Array | undefined> {
  try {
    return (await compactDecrypt(jwe, key, JOSE_OPTIONS)).plaintext;
  } catch {
    return undefined;
  }
}

function nodeOpens(jwe: string, key: KeyObject): Uint8Array | undefined {
  try {
    return decryptEcdhEsJwe(readCompactJwe(jwe), key);
  } catch (error) {
    if (!(error instanceof InvalidCompactJoseError)) throw error;
    return undefined;
  }
}

/** True when a segment is spelled otherwise than base64url writes it: jose's lenient decoder takes such spellings. */
function hasNonCanonicalSegment(jwe: string): boolean {
  return jwe.split('.').some((segment) => Buffer.from(segment, 'base64url').toString('base64url') !== segment);
}

describe('ECDH-ES JWE on node:crypto', () => {
  let keys: KeyPair[];

  beforeAll(async () => {
    keys = await Promise.all([x25519Pair(), x25519Pair(), x25519Pair(), x25519Pair()]);
  });

  const keyIndex = fc.nat({ max: 3 });

  describe(encryptEcdhEsJwe, () => {
    it('should write what jose opens, for random payloads, header parameters and keys', async () => {
      await fc.assert(
        fc.asyncProperty(plaintexts, headers, keyIndex, async (plaintext, header, index) => {
          const { jose, node } = keys[index] as KeyPair;

          const jwe = encryptEcdhEsJwe(plaintext, header, node.publicKey);
          const opened = await compactDecrypt(jwe, jose.privateKey, JOSE_OPTIONS);

          expect(Buffer.from(opened.plaintext).equals(Buffer.from(plaintext))).toBe(true);
          expect(opened.protectedHeader).toEqual({ ...JSON.parse(JSON.stringify(header)), epk: expect.any(Object) });
        }),
        { numRuns: 150 },
      );
    });

    it("should write jose's bytes exactly, given the same ephemeral key and IV", async () => {
      await fc.assert(
        fc.asyncProperty(plaintexts, headers, keyIndex, async (plaintext, header, index) => {
          const { jose, node } = keys[index] as KeyPair;
          const ephemeral = (await x25519Pair()).jose.privateKey;
          const iv = new Uint8Array(randomBytes(12));

          const ours = encryptEcdhEsJwe(plaintext, header, node.publicKey, {
            ephemeralPrivateKey: nodeKey(ephemeral),
            iv,
          });
          const theirs = await new CompactEncrypt(plaintext)
            .setProtectedHeader(header)
            .setKeyManagementParameters({ epk: ephemeral })
            .setInitializationVector(iv)
            .encrypt(jose.publicKey);

          expect(ours).toBe(theirs);
        }),
        { numRuns: 50 },
      );
    });

    it('should use a fresh ephemeral key and IV for every message', () => {
      const { node } = keys[0] as KeyPair;
      const header: EcdhEsJweHeaderParameters = { alg: PAYLOAD_JWE_ALG, enc: PAYLOAD_JWE_ENC };

      const [first, second] = [1, 2].map(() =>
        readCompactJwe(encryptEcdhEsJwe(new Uint8Array(8), header, node.publicKey)),
      );

      expect(first?.protectedHeader['epk']).not.toEqual(second?.protectedHeader['epk']);
      expect(first?.iv).not.toBe(second?.iv);
    });

    it('should refuse a recipient key that is not an X25519 public key', () => {
      const header: EcdhEsJweHeaderParameters = { alg: PAYLOAD_JWE_ALG, enc: PAYLOAD_JWE_ENC };
      const plaintext = new Uint8Array(8);

      expect(() => encryptEcdhEsJwe(plaintext, header, generateKeyPairSync('ed25519').publicKey)).toThrow(
        InvalidCompactJoseError,
      );
      expect(() => encryptEcdhEsJwe(plaintext, header, (keys[0] as KeyPair).node.privateKey)).toThrow(
        InvalidCompactJoseError,
      );
    });
  });

  describe(decryptEcdhEsJwe, () => {
    it('should open what jose writes, with or without party infos', async () => {
      const partyInfo = fc.option(fc.uint8Array({ maxLength: 64 }), { nil: undefined });
      await fc.assert(
        fc.asyncProperty(
          plaintexts,
          headers,
          keyIndex,
          partyInfo,
          partyInfo,
          async (plaintext, header, index, apu, apv) => {
            fc.pre(apu === undefined || apv === undefined || !Buffer.from(apu).equals(Buffer.from(apv)));
            const { jose, node } = keys[index] as KeyPair;
            const parameters = { ...(apu !== undefined && { apu }), ...(apv !== undefined && { apv }) };

            const jwe = await new CompactEncrypt(plaintext)
              .setProtectedHeader(header)
              .setKeyManagementParameters(parameters)
              .encrypt(jose.publicKey);

            expect(Buffer.from(decryptEcdhEsJwe(readCompactJwe(jwe), node.privateKey))).toEqual(Buffer.from(plaintext));
          },
        ),
        { numRuns: 150 },
      );
    });

    it('should refuse whatever jose refuses, for a random character changed anywhere', async () => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
      await fc.assert(
        fc.asyncProperty(
          plaintexts,
          keyIndex,
          fc.nat(),
          fc.constantFrom(...alphabet),
          async (plaintext, index, seed, replacement) => {
            const { jose, node } = keys[index] as KeyPair;
            const jwe = encryptEcdhEsJwe(plaintext, { alg: PAYLOAD_JWE_ALG, enc: PAYLOAD_JWE_ENC }, node.publicKey);
            const position = seed % jwe.length;
            fc.pre(jwe[position] !== replacement);
            const tampered = jwe.slice(0, position) + replacement + jwe.slice(position + 1);

            const byJose = await joseOpens(tampered, jose.privateKey);
            const byNode = nodeOpens(tampered, node.privateKey);

            expect(byNode).toBeUndefined();
            // jose opens only another spelling of the same bytes, which no writer produces.
            if (byJose !== undefined) expect(hasNonCanonicalSegment(tampered) || tampered.includes(' ')).toBe(true);
          },
        ),
        { numRuns: 500 },
      );
    });

    it('should refuse every flipped bit of every character of one JWE', () => {
      const { node } = keys[0] as KeyPair;
      const jwe = encryptEcdhEsJwe(new Uint8Array(300), { alg: PAYLOAD_JWE_ALG, enc: PAYLOAD_JWE_ENC }, node.publicKey);

      for (let position = 0; position < jwe.length; position += 1) {
        for (let bit = 0; bit < 7; bit += 1) {
          const flipped = String.fromCharCode(jwe.charCodeAt(position) ^ (1 << bit));
          expect(
            nodeOpens(jwe.slice(0, position) + flipped + jwe.slice(position + 1), node.privateKey),
          ).toBeUndefined();
        }
      }
    });

    it('should refuse the wrong private key, as jose does', async () => {
      await fc.assert(
        fc.asyncProperty(plaintexts, keyIndex, fc.integer({ min: 1, max: 3 }), async (plaintext, index, shift) => {
          const sealedFor = keys[index] as KeyPair;
          const other = keys[(index + shift) % 4] as KeyPair;
          const jwe = encryptEcdhEsJwe(
            plaintext,
            { alg: PAYLOAD_JWE_ALG, enc: PAYLOAD_JWE_ENC },
            sealedFor.node.publicKey,
          );

          expect(nodeOpens(jwe, other.node.privateKey)).toBeUndefined();
          await expect(joseOpens(jwe, other.jose.privateKey)).resolves.toBeUndefined();
        }),
        { numRuns: 30 },
      );
    });

    it.each([
      ['another key management algorithm', { alg: 'ECDH-ES+A256KW', enc: 'A256GCM' }],
      ['another content encryption', { alg: 'ECDH-ES', enc: 'A128GCM' }],
      ['another content encryption mode', { alg: 'ECDH-ES', enc: 'A256CBC-HS512' }],
    ])('should refuse %s, which jose writes but the envelope does not allow', async (_name, header) => {
      const { jose, node } = keys[0] as KeyPair;
      const jwe = await new CompactEncrypt(new Uint8Array(16)).setProtectedHeader(header).encrypt(jose.publicKey);

      expect(nodeOpens(jwe, node.privateKey)).toBeUndefined();
      await expect(joseOpens(jwe, jose.privateKey)).resolves.toBeUndefined();
    });

    it('should refuse a compressed JWE, which nothing of the network writes', async () => {
      const { jose, node } = keys[0] as KeyPair;
      const jwe = await new CompactEncrypt(new Uint8Array(16))
        .setProtectedHeader({ alg: PAYLOAD_JWE_ALG, enc: PAYLOAD_JWE_ENC, zip: 'DEF' })
        .encrypt(jose.publicKey);

      expect(() => decryptEcdhEsJwe(readCompactJwe(jwe), node.privateKey)).toThrow(/compressed/);
    });

    describe('with a crafted header', () => {
      /** A JWE written by hand around a header the test chooses, with an AAD that matches it. */
      async function craft(
        header: Record<string, unknown>,
        parts: { encryptedKey?: string; iv?: Uint8Array; tag?: string } = {},
      ): Promise<string> {
        const { jose } = keys[0] as KeyPair;
        const genuine = await new CompactEncrypt(new Uint8Array(16))
          .setProtectedHeader({ alg: PAYLOAD_JWE_ALG, enc: PAYLOAD_JWE_ENC })
          .encrypt(jose.publicKey);
        const [encodedHeader, , iv, ciphertext, tag] = genuine.split('.') as [string, string, string, string, string];
        const epk = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString()).epk;
        return [
          Buffer.from(JSON.stringify({ alg: PAYLOAD_JWE_ALG, enc: PAYLOAD_JWE_ENC, epk, ...header })).toString(
            'base64url',
          ),
          parts.encryptedKey ?? '',
          parts.iv === undefined ? iv : Buffer.from(parts.iv).toString('base64url'),
          ciphertext,
          parts.tag ?? tag,
        ].join('.');
      }

      it.each([
        ['a critical extension', { crit: ['exp'], exp: 1 }],
        ['an epk with a private part', { epk: { kty: 'OKP', crv: 'X25519', x: 'A'.repeat(43), d: 'A'.repeat(43) } }],
        ['an epk of another curve', { epk: { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) } }],
        ['an epk that is not a JWK', { epk: 'key' }],
        ['no epk', { epk: undefined }],
        ['an epk of small order', { epk: { kty: 'OKP', crv: 'X25519', x: 'A'.repeat(43) } }],
        ['the same apu and apv', { apu: 'QWxpY2U', apv: 'QWxpY2U' }],
        ['an apu that is not a string', { apu: 7 }],
      ])('should refuse %s, as jose does', async (_name, header) => {
        const { jose, node } = keys[0] as KeyPair;
        const jwe = await craft(header);

        expect(nodeOpens(jwe, node.privateKey)).toBeUndefined();
        await expect(joseOpens(jwe, jose.privateKey)).resolves.toBeUndefined();
      });

      it.each([
        ['an encrypted key', { encryptedKey: 'AAAA' }],
        ['an IV of another length', { iv: new Uint8Array(16) }],
        ['a truncated tag', { tag: 'AAAAAAAAAAAAAAAAAAAA' }],
      ])('should refuse %s, as jose does', async (_name, parts) => {
        const { jose, node } = keys[0] as KeyPair;
        const jwe = await craft({}, parts);

        expect(nodeOpens(jwe, node.privateKey)).toBeUndefined();
        await expect(joseOpens(jwe, jose.privateKey)).resolves.toBeUndefined();
      });
    });

    it('should refuse a private key that is not X25519', () => {
      const { node } = keys[0] as KeyPair;
      const jwe = encryptEcdhEsJwe(new Uint8Array(8), { alg: PAYLOAD_JWE_ALG, enc: PAYLOAD_JWE_ENC }, node.publicKey);

      expect(() => decryptEcdhEsJwe(readCompactJwe(jwe), generateKeyPairSync('ed25519').privateKey)).toThrow(
        InvalidCompactJoseError,
      );
    });
  });

  describe(readCompactJwe, () => {
    it.each([
      ['three parts', 'a.b.c'],
      ['a header that is not base64url', 'e+J9....'],
      ['a header that is not JSON', `${Buffer.from('{').toString('base64url')}....`],
      ['a header that is an array', `${Buffer.from('[]').toString('base64url')}....`],
    ])('should refuse %s', (_name, jwe) => {
      expect(() => readCompactJwe(jwe)).toThrow(InvalidCompactJoseError);
    });

    it('should read the header without any key', async () => {
      const { jose } = keys[0] as KeyPair;
      const jwe = await new CompactEncrypt(new Uint8Array(4))
        .setProtectedHeader({ alg: PAYLOAD_JWE_ALG, enc: PAYLOAD_JWE_ENC, kid: 'k-1' })
        .encrypt(jose.publicKey);

      expect(readCompactJwe(jwe).protectedHeader).toMatchObject({ kid: 'k-1', epk: epkOf(jwe) });
    });
  });
});

function epkOf(jwe: string): unknown {
  return JSON.parse(utf8.decode(Buffer.from(jwe.split('.')[0] ?? '', 'base64url'))).epk;
}
