import { randomBytes, randomUUID } from 'node:crypto';
import { createMongoConnection } from '@enlace/store';
import { testInfra, uniqueName } from '@enlace/testing';
import { Connection } from 'mongoose';
import { CASE_KEYS_COLLECTION, CaseKeyRecord, CaseKeyStore } from './case-key.store';
import { PersonalDataVault, SealedUse } from './personal-data-vault';

const kek = (kid = 'kek-1') => ({ kid, key: new Uint8Array(randomBytes(32)) });

describe('PersonalDataVault (on the real FerretDB)', () => {
  let db: Connection;

  beforeAll(async () => {
    db = await createMongoConnection({ uri: testInfra().mongodbUri, dbName: uniqueName('int_privacy_') });
  }, 120_000);

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  it('should seal with one key per case, wrapped: the database holds neither the value nor the raw key', async () => {
    const node = kek();
    const vault = new PersonalDataVault(new CaseKeyStore(db, node));
    const caseId = randomUUID();
    const sealed = await vault.seal(caseId, SealedUse.personal, { firstName: 'ZzVault' });
    expect(sealed).toEqual(expect.any(String));
    expect(await vault.open(caseId, SealedUse.personal, sealed as string)).toEqual({ firstName: 'ZzVault' });
    const record = await db.collection<CaseKeyRecord>(CASE_KEYS_COLLECTION).findOne({ _id: caseId });
    expect(record?.kekId).toBe('kek-1');
    expect(record?.wrappedKey?.split('.')).toHaveLength(5);
    // Another node's key-encryption key does not unwrap this node's case keys.
    await expect(new CaseKeyStore(db, kek('kek-2')).find(caseId)).rejects.toThrow();
  });

  it('should make one key per case when two writers ask at once', async () => {
    const node = kek();
    const [a, b] = [new CaseKeyStore(db, node), new CaseKeyStore(db, node)];
    const caseId = randomUUID();
    const [first, second] = await Promise.all([a.getOrCreate(caseId), b.getOrCreate(caseId)]);
    expect(Buffer.from(first as Uint8Array).equals(Buffer.from(second as Uint8Array))).toBe(true);
  });

  it('should make every ciphertext of the case unreadable once erased, and never make its key again', async () => {
    const vault = new PersonalDataVault(new CaseKeyStore(db, kek()));
    const caseId = randomUUID();
    const sealed = (await vault.seal(caseId, SealedUse.personal, { firstName: 'ZzGone' })) as string;
    await vault.erase(caseId);
    expect(await vault.open(caseId, SealedUse.personal, sealed)).toBeUndefined();
    expect(await vault.seal(caseId, SealedUse.personal, { firstName: 'again' })).toBeUndefined();
    expect(await vault.isErased(caseId)).toBe(true);
    const record = await db.collection<CaseKeyRecord>(CASE_KEYS_COLLECTION).findOne({ _id: caseId });
    expect(record).toEqual({ _id: caseId, createdAt: expect.any(Date), destroyedAt: expect.any(Date) });
  });

  it('should seal many values at once: new cases get a key, known ones keep theirs, erased ones get none', async () => {
    const vault = new PersonalDataVault(new CaseKeyStore(db, kek()));
    const [known, erased, fresh] = [randomUUID(), randomUUID(), randomUUID()];
    const knownBefore = (await vault.seal(known, SealedUse.personal, { firstName: 'ZzKnown' })) as string;
    await vault.erase(erased);

    const sealed = await vault.sealMany([
      { caseId: fresh, purpose: SealedUse.inbox('e1'), value: { n: 1 } },
      { caseId: known, purpose: SealedUse.inbox('e2'), value: { n: 2 } },
      { caseId: erased, purpose: SealedUse.inbox('e3'), value: { n: 3 } },
      { caseId: fresh, purpose: SealedUse.inbox('e4'), value: { n: 4 } },
    ]);

    expect(sealed[2]).toBeUndefined();
    expect(await vault.open(fresh, SealedUse.inbox('e1'), sealed[0] as string)).toEqual({ n: 1 });
    expect(await vault.open(fresh, SealedUse.inbox('e4'), sealed[3] as string)).toEqual({ n: 4 });
    expect(await vault.open(known, SealedUse.inbox('e2'), sealed[1] as string)).toEqual({ n: 2 });
    // The known case kept its key: what was sealed before still opens.
    expect(await vault.open(known, SealedUse.personal, knownBefore)).toEqual({ firstName: 'ZzKnown' });
    expect(await vault.isErased(erased)).toBe(true);
  });

  it('should seal many values of one case with its one key, and none once the case is erased', async () => {
    const vault = new PersonalDataVault(new CaseKeyStore(db, kek()));
    const caseId = randomUUID();

    const sealed = await vault.sealOfCase(caseId, [
      { purpose: SealedUse.personal, value: { firstName: 'ZzOfCase' } },
      { purpose: SealedUse.outbox('o1'), value: { n: 1 } },
    ]);

    expect(await vault.open(caseId, SealedUse.personal, sealed[0] as string)).toEqual({ firstName: 'ZzOfCase' });
    expect(await vault.open(caseId, SealedUse.outbox('o1'), sealed[1] as string)).toEqual({ n: 1 });
    // Each is bound to its use: the outbox payload does not open as the personal content.
    await expect(vault.open(caseId, SealedUse.personal, sealed[1] as string)).rejects.toThrow();
    expect(await db.collection(CASE_KEYS_COLLECTION).countDocuments({ _id: caseId } as never)).toBe(1);
    await vault.erase(caseId);
    expect(await vault.sealOfCase(caseId, [{ purpose: SealedUse.personal, value: {} }])).toEqual([undefined]);
  });
});
