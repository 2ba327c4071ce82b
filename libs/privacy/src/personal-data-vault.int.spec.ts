import { randomBytes, randomUUID } from 'node:crypto';
import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { CaseKeyStore } from './case-key.store';
import { PersonalDataVault, SealedUse } from './personal-data-vault';

const kek = (kid = 'kek-1') => ({ kid, key: new Uint8Array(randomBytes(32)) });

describe('PersonalDataVault (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let db: Kysely<NodeDatabase>;
  /** Another pool on the same database: a second process of the node (the courier beside node-api). */
  let other: Kysely<NodeDatabase>;

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_privacy');
    db = scratch.db;
    other = await scratch.open();
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  const keyRow = (caseId: string) =>
    db.selectFrom('case_keys').selectAll().where('case_id', '=', caseId).executeTakeFirst();

  it('should seal with one key per case, wrapped: the database holds neither the value nor the raw key', async () => {
    const node = kek();
    const vault = new PersonalDataVault(new CaseKeyStore(db, node));
    const caseId = randomUUID();
    const sealed = await vault.seal(caseId, SealedUse.personal, { firstName: 'ZzVault' });
    expect(sealed).toEqual(expect.any(String));
    expect(await vault.open(caseId, SealedUse.personal, sealed as string)).toEqual({ firstName: 'ZzVault' });
    const row = await keyRow(caseId);
    expect(row?.kek_id).toBe('kek-1');
    expect(row?.wrapped_key?.split('.')).toHaveLength(5);
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

  it('should end with one key both processes open with when two make the key of one case at once', async () => {
    const node = kek();
    const [api, courier] = [
      new PersonalDataVault(new CaseKeyStore(db, node)),
      new PersonalDataVault(new CaseKeyStore(other, node)),
    ];

    for (let round = 0; round < 20; round++) {
      const caseId = randomUUID();
      const [byApi, byCourier] = await Promise.all([
        api.seal(caseId, SealedUse.personal, { firstName: 'ZzApi' }),
        courier.seal(caseId, SealedUse.inbox('e1'), { n: round }),
      ]);

      expect(await courier.open(caseId, SealedUse.personal, byApi as string)).toEqual({ firstName: 'ZzApi' });
      expect(await api.open(caseId, SealedUse.inbox('e1'), byCourier as string)).toEqual({ n: round });
    }
  });

  it('should make every ciphertext of the case unreadable once erased, and never make its key again', async () => {
    const vault = new PersonalDataVault(new CaseKeyStore(db, kek()));
    const caseId = randomUUID();
    const sealed = (await vault.seal(caseId, SealedUse.personal, { firstName: 'ZzGone' })) as string;
    await vault.erase(caseId);
    expect(await vault.open(caseId, SealedUse.personal, sealed)).toBeUndefined();
    expect(await vault.seal(caseId, SealedUse.personal, { firstName: 'again' })).toBeUndefined();
    expect(await vault.sealMany([{ caseId, purpose: SealedUse.personal, value: {} }])).toEqual([undefined]);
    expect(await vault.isErased(caseId)).toBe(true);
    expect(await keyRow(caseId)).toEqual({
      case_id: caseId,
      wrapped_key: null,
      kek_id: null,
      created_at: expect.any(Date),
      destroyed_at: expect.any(Date),
    });
  });

  it('should find a case never seen neither erased nor with a key', async () => {
    const vault = new PersonalDataVault(new CaseKeyStore(db, kek()));
    const caseId = randomUUID();

    expect(await vault.isErased(caseId)).toBe(false);
    expect(await new CaseKeyStore(db, kek()).find(caseId)).toBeUndefined();
    expect(await keyRow(caseId)).toBeUndefined();
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

  it('should make one key per case when two processes make the keys of overlapping backlogs at once', async () => {
    const node = kek();
    const [api, courier] = [new CaseKeyStore(db, node), new CaseKeyStore(other, node)];
    const caseIds = Array.from({ length: 2_000 }, () => randomUUID());

    // In opposite orders, most of the cases shared: neither waits on the other for ever.
    const [mine, theirs] = await Promise.all([
      api.getOrCreateMany(caseIds.slice(0, 1_900)),
      courier.getOrCreateMany(caseIds.slice(100).reverse()),
    ]);

    expect(mine.size).toBe(1_900);
    expect(theirs.size).toBe(1_900);
    for (const caseId of caseIds.slice(100, 1_900)) {
      expect(Buffer.from(mine.get(caseId) as Uint8Array).equals(Buffer.from(theirs.get(caseId) as Uint8Array))).toBe(
        true,
      );
    }
    const stored = await api.findMany(caseIds);
    expect([...stored.values()].filter((key) => key !== undefined)).toHaveLength(2_000);
  });

  it('should open many values of many cases at once, and none of an erased case', async () => {
    const vault = new PersonalDataVault(new CaseKeyStore(db, kek()));
    const [kept, erased] = [randomUUID(), randomUUID()];
    const [a, b, c] = (await vault.sealMany([
      { caseId: kept, purpose: SealedUse.outbox('o1'), value: { n: 1 } },
      { caseId: erased, purpose: SealedUse.outbox('o2'), value: { n: 2 } },
      { caseId: kept, purpose: SealedUse.outbox('o3'), value: { n: 3 } },
    ])) as string[];
    await vault.erase(erased);

    const opened = await vault.openMany([
      { caseId: kept, purpose: SealedUse.outbox('o1'), sealed: a as string },
      { caseId: erased, purpose: SealedUse.outbox('o2'), sealed: b as string },
      { caseId: kept, purpose: SealedUse.outbox('o3'), sealed: c as string },
    ]);

    expect(opened).toEqual([{ n: 1 }, undefined, { n: 3 }]);
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
    expect(await keyRow(caseId)).toMatchObject({ case_id: caseId, destroyed_at: null });
    await vault.erase(caseId);
    expect(await vault.sealOfCase(caseId, [{ purpose: SealedUse.personal, value: {} }])).toEqual([undefined]);
  });
});
