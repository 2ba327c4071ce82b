import type { DirectoryEntryV1 } from '@enlace/contracts';
import { EnvelopeSealer } from '../../envelope-sealer';
import { EnvelopeVerifier } from '../../envelope-verifier';
import { generateNodeKeys } from '../../keys/node-keys';
import {
  draftHeader,
  first,
  referralPayload,
  type TestMember,
  createTestMember,
} from '../../testing/test-network.fixture';
import {
  issueDirectoryEntry,
  removeDirectoryEntry,
  revokeDirectoryEntry,
  rotateSigningKey,
} from './directory-entry.issuer';
import { signDirectoryEntry } from './directory-entry.signer';
import { DirectoryEntryVerifier } from './directory-entry.verifier';
import type { InvalidDirectoryEntryError } from './invalid-directory-entry.error';
import { SignedMemberDirectory } from './signed-member-directory';
import { generateTrustAnchor, type GeneratedTrustAnchor } from './trust-anchors.file';

const NETWORK = 'andes';
const HOUR = 3_600_000;

describe(SignedMemberDirectory, () => {
  let anchor: GeneratedTrustAnchor;
  let stranger: GeneratedTrustAnchor;
  let co: TestMember;
  let ec: TestMember;
  let clock: Date;
  let refused: Array<{ key: string | undefined; reason: string }>;
  let directory: SignedMemberDirectory;

  const now = (): Date => clock;

  function entryOf(member: TestMember, at = clock): DirectoryEntryV1 {
    return issueDirectoryEntry(
      {
        network: NETWORK,
        country: member.keys.country,
        nodeId: `${member.keys.country.toLowerCase()}-node-1`,
        organisations: [{ name: `${member.keys.country} focal point`, role: 'national focal point' }],
        signingKey: first(member.entry.signingKeys),
        encryptionKey: first(member.entry.encryptionKeys),
        validFrom: '2025-01-01T00:00:00.000Z',
      },
      at,
    );
  }

  async function publish(entry: DirectoryEntryV1, signer = anchor): Promise<string> {
    return directory.apply(entry.country, await signDirectoryEntry(entry, signer.privateKey));
  }

  function sealerAs(member: TestMember): EnvelopeSealer {
    return new EnvelopeSealer(member.keys, directory, NETWORK, { now });
  }

  beforeAll(async () => {
    [anchor, stranger, co, ec] = await Promise.all([
      generateTrustAnchor(),
      generateTrustAnchor(),
      createTestMember('CO'),
      createTestMember('EC'),
    ]);
  });

  beforeEach(() => {
    clock = new Date('2025-06-01T12:00:00.000Z');
    refused = [];
    const verifier = new DirectoryEntryVerifier(
      { network: NETWORK, anchors: [{ ...anchor.publicKey, validUntil: '2030-01-01T00:00:00.000Z' }] },
      { now },
    );
    directory = new SignedMemberDirectory(verifier, {
      now,
      onRefused: (key, error: InvalidDirectoryEntryError) => refused.push({ key, reason: error.reason }),
    });
  });

  describe('apply', () => {
    it('should trust a member whose entry a trust anchor signed', async () => {
      expect(await publish(entryOf(co))).toBe('added');

      expect(directory.member('CO')?.signingKeys.map((key) => key.kid)).toEqual([first(co.entry.signingKeys).kid]);
      expect(directory.member('CO')?.organisations).toEqual(['CO focal point']);
      expect(directory.member('EC')).toBeUndefined();
    });

    it('should refuse an entry signed by a key that is not a trust anchor', async () => {
      expect(await publish(entryOf(co), stranger)).toBe('refused');

      expect(directory.member('CO')).toBeUndefined();
      expect(refused).toEqual([{ key: 'CO', reason: 'UNTRUSTED_SIGNER' }]);
    });

    it('should refuse an entry signed by a trust anchor that has expired', async () => {
      clock = new Date('2030-01-01T00:00:00.000Z');

      expect(await publish(entryOf(co))).toBe('refused');
      expect(refused).toEqual([{ key: 'CO', reason: 'UNTRUSTED_SIGNER' }]);
    });

    it('should refuse a tampered entry: another key slipped into the signed content', async () => {
      const wire = await signDirectoryEntry(entryOf(co), anchor.privateKey);
      const [header, , signature] = wire.split('.');
      const forged = { ...entryOf(co), signingKeys: entryOf(ec).signingKeys };
      const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;

      expect(await directory.apply('CO', tampered)).toBe('refused');
      expect(directory.member('CO')).toBeUndefined();
      expect(refused).toEqual([{ key: 'CO', reason: 'BAD_SIGNATURE' }]);
    });

    it('should refuse a signed entry filed under another country, or of another network', async () => {
      expect(await directory.apply('EC', await signDirectoryEntry(entryOf(co), anchor.privateKey))).toBe('refused');
      expect(await publish({ ...entryOf(co), network: 'elsewhere' })).toBe('refused');

      expect(refused.map((r) => r.reason)).toEqual(['MISMATCH', 'MISMATCH']);
    });

    it('should refuse bytes that are no entry at all, and an entry that breaks the contract', async () => {
      expect(await directory.apply('CO', 'not a jws')).toBe('refused');
      const broken = { ...entryOf(co), signingKeys: [] } as unknown as DirectoryEntryV1;
      expect(await publish(broken)).toBe('refused');

      expect(refused.map((r) => r.reason)).toEqual(['MALFORMED', 'CONTRACT_VIOLATION']);
    });

    it('should ignore an older entry replayed after a newer one', async () => {
      const older = entryOf(co, new Date('2025-05-01T00:00:00.000Z'));
      const newKey = first((await generateNodeKeys('CO')).publicKeys.signingKeys);
      const newer = rotateSigningKey(older, newKey, clock, HOUR);
      await publish(newer);

      expect(await publish(older)).toBe('stale');
      expect(directory.member('CO')?.signingKeys).toHaveLength(2);
    });

    it('should forget a member on its signed removal', async () => {
      await publish(entryOf(co));
      clock = new Date(clock.getTime() + HOUR);

      expect(await publish(removeDirectoryEntry(directory.entry('CO') as DirectoryEntryV1, clock))).toBe('removed');
      expect(directory.member('CO')).toBeUndefined();
      expect(directory.members()).toEqual([]);
      expect(directory.isRevoked('CO')).toBe(false);
    });

    it('should refuse an unsigned tombstone and keep the member', async () => {
      await publish(entryOf(co));

      expect(await directory.apply('CO', null)).toBe('refused');
      expect(directory.member('CO')).toBeDefined();
      expect(refused).toEqual([{ key: 'CO', reason: 'UNSIGNED_TOMBSTONE' }]);
    });

    it('should ignore an older entry replayed after a removal, and after a revocation', async () => {
      const original = entryOf(co, new Date('2025-05-01T00:00:00.000Z'));
      await publish(original);
      const revoked = revokeDirectoryEntry(original, new Date('2025-05-15T00:00:00.000Z'));
      await publish(revoked);
      await publish(removeDirectoryEntry(revoked, clock));

      expect(await publish(original)).toBe('stale');
      expect(await publish(revoked)).toBe('stale');
      expect(directory.member('CO')).toBeUndefined();
      expect(directory.entry('CO')?.removedAt).toBe(clock.toISOString());
    });

    it('should take a member back when the authority issues it a newer entry after its removal', async () => {
      await publish(removeDirectoryEntry(entryOf(co, new Date('2025-05-01T00:00:00.000Z')), clock));
      clock = new Date(clock.getTime() + HOUR);

      expect(await publish(entryOf(co))).toBe('replaced');
      expect(directory.member('CO')).toBeDefined();
    });
  });

  describe('with the envelope verifier', () => {
    it('should verify envelopes signed with the old or the new key during the overlap, and only the new after', async () => {
      await publish(entryOf(co, new Date('2025-05-01T00:00:00.000Z')));
      await publish(entryOf(ec));
      const rotated = await generateNodeKeys('CO');
      const coAfter: TestMember = { ...co, keys: { ...co.keys, signing: rotated.nodeKeys.signing } };
      const oldWire = await sealerAs(co).seal(draftHeader('EC'), referralPayload(200));

      const entry = directory.entry('CO') as DirectoryEntryV1;
      expect(await publish(rotateSigningKey(entry, first(rotated.publicKeys.signingKeys), clock, HOUR))).toBe(
        'replaced',
      );
      const newWire = await sealerAs(coAfter).seal(draftHeader('EC'), referralPayload(200));
      const verifier = new EnvelopeVerifier(directory, NETWORK, { now });

      await expect(verifier.verify(oldWire)).resolves.toMatchObject({ header: { from: 'CO' } });
      await expect(verifier.verify(newWire)).resolves.toMatchObject({ header: { from: 'CO' } });

      clock = new Date(clock.getTime() + HOUR);
      await expect(verifier.verify(oldWire)).rejects.toMatchObject({ code: 'UNKNOWN_SENDER' });
      await expect(verifier.verify(newWire)).resolves.toMatchObject({ header: { from: 'CO' } });
    });

    it('should refuse a sender whose entry has expired', async () => {
      await publish({ ...entryOf(co), validUntil: '2025-06-02T00:00:00.000Z' });
      await publish(entryOf(ec));
      const wire = await sealerAs(co).seal(draftHeader('EC'), referralPayload(200));
      const verifier = new EnvelopeVerifier(directory, NETWORK, { now });
      await expect(verifier.verify(wire)).resolves.toBeDefined();

      clock = new Date('2025-06-02T00:00:00.000Z');
      await expect(verifier.verify(wire)).rejects.toMatchObject({ code: 'UNKNOWN_SENDER' });
    });

    it('should refuse a revoked sender as REVOKED_SENDER, and seal nothing for it', async () => {
      await publish(entryOf(co));
      await publish(entryOf(ec));
      const wire = await sealerAs(co).seal(draftHeader('EC'), referralPayload(200));

      expect(await publish(revokeDirectoryEntry(directory.entry('CO') as DirectoryEntryV1, clock))).toBe('revoked');

      const verifier = new EnvelopeVerifier(directory, NETWORK, { now });
      await expect(verifier.verify(wire)).rejects.toMatchObject({ code: 'REVOKED_SENDER' });
      expect(directory.isRevoked('CO')).toBe(true);
      await expect(sealerAs(ec).seal(draftHeader('CO'), referralPayload(200))).rejects.toMatchObject({
        code: 'UNKNOWN_RECIPIENT',
      });
    });

    it('should refuse a removed sender as UNKNOWN_SENDER', async () => {
      await publish(entryOf(co));
      await publish(entryOf(ec));
      const wire = await sealerAs(co).seal(draftHeader('EC'), referralPayload(200));
      await publish(removeDirectoryEntry(directory.entry('CO') as DirectoryEntryV1, clock));

      await expect(new EnvelopeVerifier(directory, NETWORK, { now }).verify(wire)).rejects.toMatchObject({
        code: 'UNKNOWN_SENDER',
      });
    });
  });
});
