import { randomUUID } from 'node:crypto';
import { compactDecrypt, compactVerify, decodeProtectedHeader } from 'jose';
import { InMemoryMemberDirectory } from './directory/in-memory-member-directory';
import { EnvelopeSealer } from './envelope-sealer';
import {
  ENVELOPE_JWS_ALG,
  ENVELOPE_JWS_TYP,
  PAYLOAD_ENVELOPE_ID_PARAM,
  PAYLOAD_FROM_PARAM,
  PAYLOAD_JWE_ALG,
  PAYLOAD_JWE_ENC,
} from './envelope-wire.constants';
import { MalformedEnvelopeError } from './errors/malformed-envelope.error';
import { UnknownRecipientError } from './errors/unknown-recipient.error';
import { generateNodeKeys } from './keys/node-keys';
import {
  contentOf,
  createTestNetwork,
  draftHeader,
  first,
  privateKeyOf,
  publicKeyOf,
  referralPayload,
  TEST_NETWORK,
  type TestMember,
} from './testing/test-network.fixture';

describe(EnvelopeSealer, () => {
  let co: TestMember;
  let ec: TestMember;
  let directory: InMemoryMemberDirectory;
  let sealer: EnvelopeSealer;
  const sentAt = '2025-03-01T10:00:00.000Z';

  beforeAll(async () => {
    ({ co, ec, directory } = await createTestNetwork());
    sealer = new EnvelopeSealer(co.keys, directory, TEST_NETWORK, { now: () => new Date(sentAt) });
  });

  describe('seal', () => {
    it("should produce a standard JWS that jose verifies with CO's public signing key", async () => {
      const draft = draftHeader('EC');

      const wire = await sealer.seal(draft, referralPayload());
      const coPublicKey = await publicKeyOf(first(co.entry.signingKeys).jwk, ENVELOPE_JWS_ALG);
      const { payload, protectedHeader } = await compactVerify(wire, coPublicKey);

      expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: ENVELOPE_JWS_TYP, kid: co.keys.signing.kid });
      expect(JSON.parse(new TextDecoder().decode(payload)).header).toEqual({
        ...draft,
        network: TEST_NETWORK,
        from: 'CO',
        sentAt,
      });
    });

    it("should seal the payload as a standard JWE that jose decrypts with EC's key, bound to the envelope", async () => {
      const payload = referralPayload();
      const draft = draftHeader('EC');

      const { payload: jwe } = contentOf(await sealer.seal(draft, payload));
      const ecKey = await privateKeyOf(ec.keys.encryption, PAYLOAD_JWE_ALG);
      const { plaintext, protectedHeader } = await compactDecrypt(jwe, ecKey);

      expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual(payload);
      expect(protectedHeader).toMatchObject({
        alg: PAYLOAD_JWE_ALG,
        enc: PAYLOAD_JWE_ENC,
        kid: ec.keys.encryption.kid,
        [PAYLOAD_FROM_PARAM]: 'CO',
        [PAYLOAD_ENVELOPE_ID_PARAM]: draft.id,
      });
    });

    it('should keep the payload out of the readable header', async () => {
      const wire = await sealer.seal(draftHeader('EC'), { name: 'Ana Example' });

      // The whole name, space included: the header holds base64url text (the payload's JWE), which may hold 'Ana' by
      // chance but never a space.
      expect(Buffer.from(wire.split('.')[1] ?? '', 'base64url').toString('utf8')).not.toContain('Ana Example');
    });

    it('should keep the sentAt and extra header fields the caller gives', async () => {
      const draft = { ...draftHeader('EC'), sentAt: '2025-01-01T00:00:00.000Z', priority: 'urgent' };

      const { header } = contentOf(await sealer.seal(draft, {}));

      expect(header).toMatchObject({ sentAt: '2025-01-01T00:00:00.000Z', priority: 'urgent' });
    });

    it('should accept a full header naming this node and network', async () => {
      const draft = { ...draftHeader('EC'), network: TEST_NETWORK, from: 'CO', sentAt };

      await expect(sealer.seal(draft, {})).resolves.toEqual(expect.any(String));
    });

    it('should refuse to seal as another member or for another network', async () => {
      await expect(sealer.seal({ ...draftHeader('EC'), from: 'PE' }, {})).rejects.toBeInstanceOf(
        MalformedEnvelopeError,
      );
      await expect(sealer.seal({ ...draftHeader('EC'), network: 'other' }, {})).rejects.toBeInstanceOf(
        MalformedEnvelopeError,
      );
    });

    it('should refuse a header the envelope schema rejects', async () => {
      await expect(sealer.seal(draftHeader('EC', { caseId: 'not-a-uuid' }), {})).rejects.toThrow(/caseId/);
    });

    it('should refuse a payload that is not JSON-serialisable', async () => {
      await expect(sealer.seal(draftHeader('EC'), undefined)).rejects.toBeInstanceOf(MalformedEnvelopeError);
      await expect(sealer.seal(draftHeader('EC'), { amount: 1n })).rejects.toBeInstanceOf(MalformedEnvelopeError);
    });

    it('should refuse a recipient that is not in the directory', async () => {
      await expect(sealer.seal(draftHeader('BO'), {})).rejects.toMatchObject({
        code: 'UNKNOWN_RECIPIENT',
        message: expect.stringContaining('BO'),
      });
    });

    it('should refuse a recipient whose encryption keys are all outside their validity', async () => {
      const expired = new InMemoryMemberDirectory([
        co.entry,
        {
          ...ec.entry,
          encryptionKeys: [{ ...first(ec.entry.encryptionKeys), validUntil: '2025-01-01T00:00:00.000Z' }],
        },
      ]);

      await expect(
        new EnvelopeSealer(co.keys, expired, TEST_NETWORK, { now: () => new Date(sentAt) }).seal(draftHeader('EC'), {}),
      ).rejects.toBeInstanceOf(UnknownRecipientError);
    });

    it("should seal for the recipient's newest valid encryption key during a rotation", async () => {
      const { nodeKeys, publicKeys } = await generateNodeKeys('EC', { validFrom: '2025-02-01T00:00:00.000Z' });
      const future = await generateNodeKeys('EC', { validFrom: '2026-01-01T00:00:00.000Z' });
      const rotating = new InMemoryMemberDirectory([
        co.entry,
        {
          ...ec.entry,
          encryptionKeys: [
            ...ec.entry.encryptionKeys,
            ...publicKeys.encryptionKeys,
            ...future.publicKeys.encryptionKeys,
          ],
        },
      ]);
      const rotatingSealer = new EnvelopeSealer(co.keys, rotating, TEST_NETWORK, { now: () => new Date(sentAt) });

      const { payload: jwe } = contentOf(await rotatingSealer.seal(draftHeader('EC'), {}));

      expect(decodeProtectedHeader(jwe).kid).toBe(nodeKeys.encryption.kid);
    });

    it('should give every envelope its own ciphertext, even for the same payload', async () => {
      const draft = draftHeader('EC', { id: randomUUID() });

      const first = contentOf(await sealer.seal(draft, { same: true })).payload;
      const second = contentOf(await sealer.seal(draft, { same: true })).payload;

      expect(first).not.toBe(second);
    });
  });
});
