import { randomUUID } from 'node:crypto';
import { compactDecrypt, CompactEncrypt } from 'jose';
import { InMemoryMemberDirectory } from './directory/in-memory-member-directory';
import { envelopeDigest } from './envelope-digest';
import { EnvelopeOpener } from './envelope-opener';
import { EnvelopeSealer } from './envelope-sealer';
import {
  PAYLOAD_ENVELOPE_ID_PARAM,
  PAYLOAD_FROM_PARAM,
  PAYLOAD_JWE_ALG,
  PAYLOAD_JWE_ENC,
} from './envelope-wire.constants';
import { DuplicateEnvelopeError } from './errors/duplicate-envelope.error';
import { EnvelopeError } from './errors/envelope.error';
import { MalformedEnvelopeError } from './errors/malformed-envelope.error';
import { OwnKeyUnusableError } from './errors/own-key-unusable.error';
import { TamperedEnvelopeError } from './errors/tampered-envelope.error';
import { UndecryptablePayloadError } from './errors/undecryptable-payload.error';
import { UnknownSenderError } from './errors/unknown-sender.error';
import { WrongAddresseeError } from './errors/wrong-addressee.error';
import { WrongNetworkError } from './errors/wrong-network.error';
import { generateNodeKeys } from './keys/node-keys';
import {
  contentOf,
  createTestMember,
  createTestNetwork,
  draftHeader,
  first,
  privateKeyOf,
  publicKeyOf,
  referralPayload,
  signAsEnvelope,
  TEST_NETWORK,
  type TestMember,
} from './testing/test-network.fixture';

describe(EnvelopeOpener, () => {
  let co: TestMember;
  let ec: TestMember;
  let pe: TestMember;
  let directory: InMemoryMemberDirectory;
  let coSealer: EnvelopeSealer;
  let ecOpener: EnvelopeOpener;

  beforeAll(async () => {
    ({ co, ec, pe, directory } = await createTestNetwork());
    coSealer = new EnvelopeSealer(co.keys, directory, TEST_NETWORK);
    ecOpener = new EnvelopeOpener(ec.keys, directory, TEST_NETWORK);
  });

  describe('open', () => {
    it('should open what CO sealed for EC, with the header, the payload and the digest of the wire', async () => {
      const payload = referralPayload();
      const draft = draftHeader('EC', { causationId: randomUUID() });

      const wire = await coSealer.seal(draft, payload);
      const opened = await ecOpener.open<typeof payload>(wire);

      expect(opened.payload).toEqual(payload);
      expect(opened.header).toEqual({ ...draft, network: TEST_NETWORK, from: 'CO', sentAt: expect.any(String) });
      expect(opened.wire).toBe(wire);
      expect(opened.digest).toBe(envelopeDigest(wire));
      expect(opened.digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('should open a wire given as the bytes of a Kafka record', async () => {
      const wire = await coSealer.seal(draftHeader('EC'), { ok: true });

      await expect(ecOpener.open(Buffer.from(wire))).resolves.toMatchObject({ payload: { ok: true }, wire });
    });

    it('should refuse to let the sender open what it sent to another member', async () => {
      const wire = await coSealer.seal(draftHeader('EC'), referralPayload());
      const coOpener = new EnvelopeOpener(co.keys, directory, TEST_NETWORK);

      await expect(coOpener.open(wire)).rejects.toBeInstanceOf(WrongAddresseeError);
      const coKey = await privateKeyOf(co.keys.encryption, PAYLOAD_JWE_ALG);
      await expect(compactDecrypt(contentOf(wire).payload, coKey)).rejects.toThrow();
    });

    it('should refuse a third member, whose key cannot decrypt the payload even when the check is bypassed', async () => {
      const wire = await coSealer.seal(draftHeader('EC'), referralPayload());
      const peOpener = new EnvelopeOpener(pe.keys, directory, TEST_NETWORK);

      await expect(peOpener.open(wire)).rejects.toMatchObject({
        code: 'WRONG_ADDRESSEE',
        envelopeId: expect.any(String),
      });
      const peKey = await privateKeyOf(pe.keys.encryption, PAYLOAD_JWE_ALG);
      await expect(compactDecrypt(contentOf(wire).payload, peKey)).rejects.toThrow();
    });

    it('should refuse an envelope from a sender that is not in the directory', async () => {
      const bo = await createTestMember('BO');
      const boDirectory = new InMemoryMemberDirectory([bo.entry, ec.entry]);
      const wire = await new EnvelopeSealer(bo.keys, boDirectory, TEST_NETWORK).seal(draftHeader('EC'), {});

      await expect(ecOpener.open(wire)).rejects.toBeInstanceOf(UnknownSenderError);
    });

    it('should refuse an envelope from a member whose membership has ended', async () => {
      const ended = new InMemoryMemberDirectory([
        { ...co.entry, validUntil: new Date(Date.now() - 60_000).toISOString() },
        ec.entry,
      ]);
      const wire = await coSealer.seal(draftHeader('EC'), {});

      await expect(new EnvelopeOpener(ec.keys, ended, TEST_NETWORK).open(wire)).rejects.toBeInstanceOf(
        UnknownSenderError,
      );
    });

    it('should refuse an envelope of another network', async () => {
      const wire = await new EnvelopeSealer(co.keys, directory, 'other-network').seal(draftHeader('EC'), {});

      await expect(ecOpener.open(wire)).rejects.toBeInstanceOf(WrongNetworkError);
    });

    it('should refuse a duplicate before decrypting it', async () => {
      const wire = await coSealer.seal(draftHeader('EC'), {});
      const isDuplicate = jest.fn(async () => true);
      // Same kid, another key: decrypting would fail, so only a check made before decryption can answer.
      const { nodeKeys: other } = await generateNodeKeys('EC');
      const withUnusableKey = new EnvelopeOpener(
        { ...ec.keys, encryption: { kid: ec.keys.encryption.kid, privateJwk: other.encryption.privateJwk } },
        directory,
        TEST_NETWORK,
      );

      await expect(withUnusableKey.open(wire, { isDuplicate })).rejects.toBeInstanceOf(DuplicateEnvelopeError);
      await expect(withUnusableKey.open(wire)).rejects.toBeInstanceOf(UndecryptablePayloadError);
      expect(isDuplicate).toHaveBeenCalledWith(contentOf(wire).header['id']);
    });

    it('should open an envelope the duplicate check does not know', async () => {
      const wire = await coSealer.seal(draftHeader('EC'), { n: 1 });

      await expect(ecOpener.open(wire, { isDuplicate: async () => false })).resolves.toMatchObject({
        payload: { n: 1 },
      });
    });

    it('should not ask about duplicates for an envelope that fails verification', async () => {
      const wire = await new EnvelopeSealer(co.keys, directory, 'other-network').seal(draftHeader('EC'), {});
      const isDuplicate = jest.fn(async () => false);

      await expect(ecOpener.open(wire, { isDuplicate })).rejects.toBeInstanceOf(WrongNetworkError);
      expect(isDuplicate).not.toHaveBeenCalled();
    });

    it("should refuse CO's payload re-wrapped by PE in its own signed envelope", async () => {
      const original = await coSealer.seal(draftHeader('EC'), referralPayload());
      const { header, payload } = contentOf(original);
      const rewrapped = await signAsEnvelope(
        { header: { ...header, id: randomUUID(), from: 'PE', sentAt: new Date().toISOString() }, payload },
        pe.keys.signing,
      );

      const refusal = ecOpener.open(rewrapped);

      await expect(refusal).rejects.toBeInstanceOf(TamperedEnvelopeError);
      await expect(refusal).rejects.toThrow(/payload sealed for another envelope or sender/);
    });

    it('should refuse a payload replayed by its own sender under a new envelope id', async () => {
      const original = await coSealer.seal(draftHeader('EC'), referralPayload());
      const { header, payload } = contentOf(original);
      const replayed = await signAsEnvelope({ header: { ...header, id: randomUUID() }, payload }, co.keys.signing);

      const refusal = ecOpener.open(replayed);

      await expect(refusal).rejects.toBeInstanceOf(TamperedEnvelopeError);
      await expect(refusal).rejects.toThrow(/payload sealed for another envelope or sender/);
    });

    it('should blame itself, not the sender, for a payload sealed for its listed key that it does not hold', async () => {
      const wire = await coSealer.seal(draftHeader('EC'), {});
      const { nodeKeys: rotated } = await generateNodeKeys('EC');

      const refusal = await new EnvelopeOpener({ ...ec.keys, encryption: rotated.encryption }, directory, TEST_NETWORK)
        .open(wire)
        .catch((error: unknown) => error);

      expect(refusal).toBeInstanceOf(OwnKeyUnusableError);
      expect(refusal).not.toBeInstanceOf(EnvelopeError);
    });

    it('should refuse a payload sealed for a key the directory does not list as the addressee’s', async () => {
      const wire = await coSealer.seal(draftHeader('EC'), {});
      const { nodeKeys: rotated } = await generateNodeKeys('EC');
      // The directory lists only EC's new key: the payload was sealed for a key that is not EC's now.
      const rotatedDirectory = new InMemoryMemberDirectory([
        co.entry,
        { ...ec.entry, encryptionKeys: [{ kid: rotated.encryption.kid, jwk: {} }] },
        pe.entry,
      ]);

      await expect(
        new EnvelopeOpener({ ...ec.keys, encryption: rotated.encryption }, rotatedDirectory, TEST_NETWORK).open(wire),
      ).rejects.toMatchObject({ code: 'UNDECRYPTABLE' });
    });

    it('should refuse a signed payload that is not JSON, without quoting it', async () => {
      const header = { ...draftHeader('EC'), network: TEST_NETWORK, from: 'CO', sentAt: new Date().toISOString() };
      const recipientKey = await publicKeyOf(first(ec.entry.encryptionKeys).jwk, PAYLOAD_JWE_ALG);
      const jwe = await new CompactEncrypt(new TextEncoder().encode('secret name: {'))
        .setProtectedHeader({
          alg: PAYLOAD_JWE_ALG,
          enc: PAYLOAD_JWE_ENC,
          kid: ec.keys.encryption.kid,
          [PAYLOAD_FROM_PARAM]: 'CO',
          [PAYLOAD_ENVELOPE_ID_PARAM]: header.id,
        })
        .encrypt(recipientKey);
      const wire = await signAsEnvelope({ header, payload: jwe }, co.keys.signing);

      const refusal = await ecOpener.open(wire).catch((error: unknown) => error);

      expect(refusal).toBeInstanceOf(MalformedEnvelopeError);
      expect(String((refusal as Error).message)).not.toContain('secret');
      expect((refusal as Error).cause).toBeUndefined();
    });
  });

  describe('signing key rotation', () => {
    const hour = 3_600_000;
    let rotating: TestMember;
    let newSigning: TestMember['keys']['signing'];
    let rotatingDirectory: InMemoryMemberDirectory;

    beforeAll(async () => {
      rotating = await createTestMember('CO', { validUntil: new Date(Date.now() + hour).toISOString() });
      const { nodeKeys, publicKeys } = await generateNodeKeys('CO', {
        validFrom: new Date(Date.now() - hour).toISOString(),
      });
      newSigning = nodeKeys.signing;
      rotatingDirectory = new InMemoryMemberDirectory([
        { ...rotating.entry, signingKeys: [...rotating.entry.signingKeys, ...publicKeys.signingKeys] },
        ec.entry,
      ]);
    });

    it('should accept envelopes signed with either of two signing keys valid during the overlap', async () => {
      const opener = new EnvelopeOpener(ec.keys, rotatingDirectory, TEST_NETWORK);
      const withOld = new EnvelopeSealer(rotating.keys, rotatingDirectory, TEST_NETWORK);
      const withNew = new EnvelopeSealer({ ...rotating.keys, signing: newSigning }, rotatingDirectory, TEST_NETWORK);

      await expect(opener.open(await withOld.seal(draftHeader('EC'), { key: 'old' }))).resolves.toMatchObject({
        payload: { key: 'old' },
      });
      await expect(opener.open(await withNew.seal(draftHeader('EC'), { key: 'new' }))).resolves.toMatchObject({
        payload: { key: 'new' },
      });
    });

    it('should refuse a key once its validity has ended, even for an envelope dated before the end', async () => {
      const wire = await new EnvelopeSealer(rotating.keys, rotatingDirectory, TEST_NETWORK).seal(draftHeader('EC'), {});
      const later = () => new Date(Date.now() + 2 * hour);

      await expect(
        new EnvelopeOpener(ec.keys, rotatingDirectory, TEST_NETWORK, { now: later }).open(wire),
      ).rejects.toBeInstanceOf(UnknownSenderError);
    });

    it('should refuse a key before its validity starts, beyond the clock tolerance', async () => {
      const withNew = new EnvelopeSealer({ ...rotating.keys, signing: newSigning }, rotatingDirectory, TEST_NETWORK);
      const wire = await withNew.seal(draftHeader('EC'), {});
      const earlier = () => new Date(Date.now() - 2 * hour);

      await expect(
        new EnvelopeOpener(ec.keys, rotatingDirectory, TEST_NETWORK, { now: earlier }).open(wire),
      ).rejects.toBeInstanceOf(UnknownSenderError);
    });

    it('should refuse an envelope that claims a time before its signing key existed', async () => {
      const withNew = new EnvelopeSealer({ ...rotating.keys, signing: newSigning }, rotatingDirectory, TEST_NETWORK);
      const wire = await withNew.seal(draftHeader('EC', { sentAt: new Date(Date.now() - 2 * hour).toISOString() }), {});

      await expect(new EnvelopeOpener(ec.keys, rotatingDirectory, TEST_NETWORK).open(wire)).rejects.toBeInstanceOf(
        UnknownSenderError,
      );
    });

    it('should refuse a signing key the directory does not list for the sender', async () => {
      const { nodeKeys: stranger } = await generateNodeKeys('CO');
      const wire = await new EnvelopeSealer({ ...co.keys, signing: stranger.signing }, directory, TEST_NETWORK).seal(
        draftHeader('EC'),
        {},
      );

      await expect(ecOpener.open(wire)).rejects.toBeInstanceOf(UnknownSenderError);
    });
  });
});
