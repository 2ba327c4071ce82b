import { randomBytes, randomUUID } from 'node:crypto';
import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { CaseKeyStore } from './case-key.store';
import { KeyEncryptionKey, KeyEncryptionKeyMismatchError } from './key-encryption-key';

const kek = (kid: string): KeyEncryptionKey => ({ kid, key: new Uint8Array(randomBytes(32)) });

describe('CaseKeyStore (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_case_keys');
  }, 60_000);

  afterAll(() => scratch?.drop());

  beforeEach(() => scratch.db.deleteFrom('case_keys').execute());

  describe('assertKeyEncryptionKeyMatches', () => {
    it('should accept the key of a store that has no case keys yet, and the key the case keys were made under', async () => {
      const own = kek('kek-own');
      await expect(new CaseKeyStore(scratch.db, own).assertKeyEncryptionKeyMatches()).resolves.toBeUndefined();
      await new CaseKeyStore(scratch.db, own).getOrCreateMany([randomUUID(), randomUUID()]);

      await expect(new CaseKeyStore(scratch.db, own).assertKeyEncryptionKeyMatches()).resolves.toBeUndefined();
    });

    it('should refuse another key id, naming both ids and never a key', async () => {
      const own = kek('kek-own');
      await new CaseKeyStore(scratch.db, own).getOrCreateMany([randomUUID()]);
      const wrong = kek('kek-wrong');

      const refusal = await new CaseKeyStore(scratch.db, wrong).assertKeyEncryptionKeyMatches().catch((e) => e);

      expect(refusal).toBeInstanceOf(KeyEncryptionKeyMismatchError);
      expect(refusal.message).toContain('kek-own');
      expect(refusal.message).toContain('kek-wrong');
      for (const key of [own.key, wrong.key]) {
        expect(refusal.message).not.toContain(Buffer.from(key).toString('base64url'));
        expect(refusal.message).not.toContain(Buffer.from(key).toString('hex'));
      }
    });

    it('should refuse a key with the store’s key id that does not open its case keys (the file was replaced)', async () => {
      await new CaseKeyStore(scratch.db, kek('kek-own')).getOrCreateMany([randomUUID()]);

      await expect(new CaseKeyStore(scratch.db, kek('kek-own')).assertKeyEncryptionKeyMatches()).rejects.toThrow(
        /has the id kek-own of the store's case keys but does not open them/,
      );
    });

    it('should not count destroyed keys (erased cases keep no key id)', async () => {
      const caseId = randomUUID();
      const own = kek('kek-own');
      await new CaseKeyStore(scratch.db, own).getOrCreateMany([caseId]);
      await new CaseKeyStore(scratch.db, own).destroy(caseId, new Date());

      await expect(
        new CaseKeyStore(scratch.db, kek('kek-new')).assertKeyEncryptionKeyMatches(),
      ).resolves.toBeUndefined();
    });
  });
});
