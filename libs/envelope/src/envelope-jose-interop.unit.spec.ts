import fc from 'fast-check';
import {
  CompactEncrypt,
  CompactSign,
  compactDecrypt,
  compactVerify,
  decodeProtectedHeader,
  type CryptoKey,
} from 'jose';
import type { InMemoryMemberDirectory } from './directory/in-memory-member-directory';
import type { EnvelopeHeader } from './envelope-header.types';
import { EnvelopeOpener } from './envelope-opener';
import { EnvelopeSealer, type EnvelopeDraftHeader } from './envelope-sealer';
import {
  ENVELOPE_JWS_ALG,
  ENVELOPE_JWS_TYP,
  PAYLOAD_ENVELOPE_ID_PARAM,
  PAYLOAD_FROM_PARAM,
  PAYLOAD_JWE_ALG,
  PAYLOAD_JWE_ENC,
} from './envelope-wire.constants';
import { EnvelopeError, type EnvelopeErrorCode } from './errors/envelope.error';
import { generateNodeKeys } from './keys/node-keys';
import {
  contentOf,
  createTestNetwork,
  first,
  privateKeyOf,
  publicKeyOf,
  signAsEnvelope,
  TEST_NETWORK,
  type TestMember,
} from './testing/test-network.fixture';
import { parseEnvelopeWire } from './wire/envelope-wire.parser';

/**
 * The envelope is sealed and opened through node:crypto; jose is the reference it must agree with. Both ways, for
 * random payloads and headers: jose reads what the sealer writes, the opener reads what jose writes (as the sealer
 * did before), and every refusal has the class the jose-based opener gave it.
 */

const JOSE_DECRYPT_OPTIONS = {
  keyManagementAlgorithms: [PAYLOAD_JWE_ALG],
  contentEncryptionAlgorithms: [PAYLOAD_JWE_ENC],
};
const HEADER_FIELDS = new Set(['id', 'type', 'network', 'from', 'to', 'caseId', 'correlationId', 'causationId']);
const PROPERTY_TIMEOUT_MS = 60_000;
const utf8 = new TextDecoder();

/** Drafts with random ids, times and additional header fields (the header may grow inside a major version). */
const drafts: fc.Arbitrary<EnvelopeDraftHeader> = fc
  .record({
    id: fc.uuid(),
    caseId: fc.uuid(),
    correlationId: fc.uuid(),
    causationId: fc.option(fc.uuid(), { nil: undefined }),
    sentAt: fc
      .date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true })
      .map((date) => date.toISOString()),
    extensions: fc.dictionary(
      fc.stringMatching(/^[a-z][A-Za-z0-9]{0,11}$/).filter((name) => !HEADER_FIELDS.has(name) && name !== 'schema'),
      fc.jsonValue(),
      { maxKeys: 4 },
    ),
  })
  .map(({ extensions, causationId, ...ids }) => ({
    ...extensions,
    ...ids,
    ...(causationId !== undefined && { causationId }),
    type: 'referral.requested.v1',
    to: 'EC',
    schema: 'urn:enlace:schema:referral.requested:v1',
  }));
const payloads = fc.jsonValue({ maxDepth: 4 });

/** What a value becomes once it went through JSON (-0 is 0). */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe(`${EnvelopeSealer.name} and ${EnvelopeOpener.name} against jose`, () => {
  let co: TestMember;
  let ec: TestMember;
  let directory: InMemoryMemberDirectory;
  let sealer: EnvelopeSealer;
  let opener: EnvelopeOpener;
  let jose: { coSigning: CryptoKey; coVerification: CryptoKey; ecRecipient: CryptoKey; ecDecryption: CryptoKey };

  beforeAll(async () => {
    ({ co, ec, directory } = await createTestNetwork());
    sealer = new EnvelopeSealer(co.keys, directory, TEST_NETWORK);
    opener = new EnvelopeOpener(ec.keys, directory, TEST_NETWORK);
    jose = {
      coSigning: await privateKeyOf(co.keys.signing, ENVELOPE_JWS_ALG),
      coVerification: await publicKeyOf(first(co.entry.signingKeys).jwk, ENVELOPE_JWS_ALG),
      ecRecipient: await publicKeyOf(first(ec.entry.encryptionKeys).jwk, PAYLOAD_JWE_ALG),
      ecDecryption: await privateKeyOf(ec.keys.encryption, PAYLOAD_JWE_ALG),
    };
  });

  /** The header the sealer completes from a draft. */
  function completed(draft: EnvelopeDraftHeader): EnvelopeHeader {
    return { ...draft, network: TEST_NETWORK, from: 'CO', sentAt: draft.sentAt ?? new Date().toISOString() };
  }

  /** A payload sealed by jose for EC as the sealer did before, with the header parameters the test gives. */
  function sealWithJose(payload: unknown, jweHeader: Record<string, unknown>, key = jose.ecRecipient): Promise<string> {
    return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: PAYLOAD_JWE_ALG, enc: PAYLOAD_JWE_ENC, ...jweHeader })
      .encrypt(key);
  }

  function bindingOf(header: EnvelopeHeader): Record<string, unknown> {
    return { kid: ec.keys.encryption.kid, [PAYLOAD_FROM_PARAM]: header.from, [PAYLOAD_ENVELOPE_ID_PARAM]: header.id };
  }

  /** An envelope jose builds end to end, as the sealer did before. */
  async function envelopeByJose(header: EnvelopeHeader, jwe: string): Promise<string> {
    return new CompactSign(new TextEncoder().encode(JSON.stringify({ header, payload: jwe })))
      .setProtectedHeader({ alg: ENVELOPE_JWS_ALG, typ: ENVELOPE_JWS_TYP, kid: co.keys.signing.kid })
      .sign(jose.coSigning);
  }

  async function refusalOf(wire: string, by = opener): Promise<EnvelopeErrorCode | 'OPENED'> {
    try {
      await by.open(wire);
      return 'OPENED';
    } catch (error) {
      if (error instanceof EnvelopeError) return error.code;
      throw error;
    }
  }

  /**
   * The verdict of the opener as it was on jose, for a wire whose signature, network and sender hold: the steps
   * after them, in the same order (parse, JWE header, kid, decryption, binding, JSON).
   */
  async function joseVerdict(wire: string): Promise<EnvelopeErrorCode | 'OPENED'> {
    let parsed: ReturnType<typeof parseEnvelopeWire>;
    try {
      parsed = parseEnvelopeWire(wire);
    } catch {
      return 'MALFORMED';
    }
    const { header, payload } = parsed.content;
    let kid: unknown;
    try {
      kid = decodeProtectedHeader(payload).kid;
    } catch {
      return 'UNDECRYPTABLE';
    }
    if (kid !== ec.keys.encryption.kid) return 'UNDECRYPTABLE';
    let decrypted: Awaited<ReturnType<typeof compactDecrypt>>;
    try {
      decrypted = await compactDecrypt(payload, jose.ecDecryption, JOSE_DECRYPT_OPTIONS);
    } catch {
      return 'UNDECRYPTABLE';
    }
    const sealed = decrypted.protectedHeader;
    if (sealed[PAYLOAD_FROM_PARAM] !== header.from || sealed[PAYLOAD_ENVELOPE_ID_PARAM] !== header.id)
      return 'TAMPERED';
    try {
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(decrypted.plaintext));
    } catch {
      return 'MALFORMED';
    }
    return 'OPENED';
  }

  describe('seal', () => {
    it(
      'should write envelopes whose JWS jose verifies and whose JWE jose decrypts, for random payloads and headers',
      async () => {
        await fc.assert(
          fc.asyncProperty(drafts, payloads, async (draft, payload) => {
            const wire = await sealer.seal(draft, payload);

            const verified = await compactVerify(wire, jose.coVerification, { algorithms: [ENVELOPE_JWS_ALG] });
            const content = JSON.parse(utf8.decode(verified.payload)) as { header: EnvelopeHeader; payload: string };
            const decrypted = await compactDecrypt(content.payload, jose.ecDecryption, JOSE_DECRYPT_OPTIONS);

            expect(verified.protectedHeader).toEqual({
              alg: ENVELOPE_JWS_ALG,
              typ: ENVELOPE_JWS_TYP,
              kid: co.keys.signing.kid,
            });
            expect(content.header).toEqual(asJson(completed(draft)));
            expect(decrypted.protectedHeader).toEqual({
              alg: PAYLOAD_JWE_ALG,
              enc: PAYLOAD_JWE_ENC,
              ...bindingOf(completed(draft)),
              epk: { kty: 'OKP', crv: 'X25519', x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) },
            });
            expect(JSON.parse(utf8.decode(decrypted.plaintext))).toEqual(asJson(payload));
          }),
          { numRuns: 100 },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );
  });

  describe('open', () => {
    it(
      'should open envelopes jose built, for random payloads and headers',
      async () => {
        await fc.assert(
          fc.asyncProperty(drafts, payloads, async (draft, payload) => {
            const header = completed(draft);
            const wire = await envelopeByJose(header, await sealWithJose(payload, bindingOf(header)));

            const opened = await opener.open(wire);

            expect(opened.header).toEqual(asJson(header));
            expect(opened.payload).toEqual(asJson(payload));
          }),
          { numRuns: 100 },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );

    it(
      'should refuse a payload altered anywhere under a valid signature as the jose-based opener did',
      async () => {
        const header = completed({ ...fc.sample(drafts, 1)[0], to: 'EC' } as EnvelopeDraftHeader);
        const jwe = await sealWithJose({ name: 'Ana', needs: ['shelter'] }, bindingOf(header));
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
        await fc.assert(
          fc.asyncProperty(fc.nat(), fc.constantFrom(...alphabet), async (seed, replacement) => {
            const position = seed % jwe.length;
            fc.pre(jwe[position] !== replacement);
            const tampered = jwe.slice(0, position) + replacement + jwe.slice(position + 1);
            // The sender itself re-signs the altered payload: only the payload's own protection can refuse it.
            const wire = await envelopeByJose(header, tampered);

            const before = await joseVerdict(wire);
            const now = await refusalOf(wire);

            expect(now).not.toBe('OPENED');
            // jose also opened other spellings of the same base64url bytes (unused bits set); they are refused now.
            expect(now).toBe(before === 'OPENED' ? 'UNDECRYPTABLE' : before);
          }),
          { numRuns: 400 },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );

    it('should refuse a payload for another key under the right kid as UNDECRYPTABLE', async () => {
      const { publicKeys } = await generateNodeKeys('EC');
      const header = completed(fc.sample(drafts, 1)[0] as EnvelopeDraftHeader);
      const otherKey = await publicKeyOf(first(publicKeys.encryptionKeys).jwk, PAYLOAD_JWE_ALG);
      const wire = await envelopeByJose(header, await sealWithJose({}, bindingOf(header), otherKey));

      await expect(joseVerdict(wire)).resolves.toBe('UNDECRYPTABLE');
      await expect(refusalOf(wire)).resolves.toBe('UNDECRYPTABLE');
    });

    it('should refuse a payload that names another kid as UNDECRYPTABLE', async () => {
      const header = completed(fc.sample(drafts, 1)[0] as EnvelopeDraftHeader);
      const wire = await envelopeByJose(header, await sealWithJose({}, { ...bindingOf(header), kid: 'other-kid' }));

      await expect(joseVerdict(wire)).resolves.toBe('UNDECRYPTABLE');
      await expect(refusalOf(wire)).resolves.toBe('UNDECRYPTABLE');
    });

    it.each([
      ['another key management algorithm', { alg: 'ECDH-ES+A256KW' }],
      ['another content encryption', { enc: 'A128GCM' }],
      ['another content encryption mode', { enc: 'A256CBC-HS512' }],
    ])('should refuse a payload sealed with %s as UNDECRYPTABLE', async (_name, algorithms) => {
      const header = completed(fc.sample(drafts, 1)[0] as EnvelopeDraftHeader);
      const jwe = await new CompactEncrypt(new TextEncoder().encode('{}'))
        .setProtectedHeader({ alg: PAYLOAD_JWE_ALG, enc: PAYLOAD_JWE_ENC, ...bindingOf(header), ...algorithms })
        .encrypt(jose.ecRecipient);
      const wire = await envelopeByJose(header, jwe);

      await expect(joseVerdict(wire)).resolves.toBe('UNDECRYPTABLE');
      await expect(refusalOf(wire)).resolves.toBe('UNDECRYPTABLE');
    });

    it('should refuse a JWS of another algorithm as MALFORMED', async () => {
      const header = completed(fc.sample(drafts, 1)[0] as EnvelopeDraftHeader);
      const content = { header, payload: await sealWithJose({}, bindingOf(header)) };
      // jose 6 also names EdDSA on Ed25519 'Ed25519' (RFC 9864); the envelope's typ says EdDSA.
      const wire = await new CompactSign(new TextEncoder().encode(JSON.stringify(content)))
        .setProtectedHeader({ alg: 'Ed25519', typ: ENVELOPE_JWS_TYP, kid: co.keys.signing.kid })
        .sign(await privateKeyOf(co.keys.signing, 'Ed25519'));

      await expect(refusalOf(wire)).resolves.toBe('MALFORMED');
    });

    it(
      'should refuse a payload bound to another sender or envelope as TAMPERED, for random bindings',
      async () => {
        const bindings = fc.record({
          from: fc.constantFrom('CO', 'PE', 'EC', 'BO'),
          id: fc.oneof(fc.uuid(), fc.constant(undefined)),
        });
        await fc.assert(
          fc.asyncProperty(drafts, bindings, async (draft, binding) => {
            const header = completed(draft);
            const sealedFor = {
              ...bindingOf(header),
              [PAYLOAD_FROM_PARAM]: binding.from,
              [PAYLOAD_ENVELOPE_ID_PARAM]: binding.id ?? header.id,
            };
            fc.pre(binding.from !== header.from || (binding.id !== undefined && binding.id !== header.id));
            const wire = await envelopeByJose(header, await sealWithJose({}, sealedFor));

            await expect(joseVerdict(wire)).resolves.toBe('TAMPERED');
            await expect(refusalOf(wire)).resolves.toBe('TAMPERED');
          }),
          { numRuns: 30 },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );

    it('should refuse an envelope signed with a key the directory lists for another member as TAMPERED', async () => {
      const header = completed(fc.sample(drafts, 1)[0] as EnvelopeDraftHeader);
      const { nodeKeys } = await generateNodeKeys('CO');
      const content = { header, payload: await sealWithJose({}, bindingOf(header)) };

      const wire = await signAsEnvelope(content, { ...nodeKeys.signing, kid: co.keys.signing.kid });

      await expect(refusalOf(wire)).resolves.toBe('TAMPERED');
      expect(contentOf(wire).header).toEqual(asJson(header));
    });
  });
});
