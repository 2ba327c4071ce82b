import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { Kysely, sql } from 'kysely';
import { verifyAuditChain } from './audit-chain.verifier';
import { AuditLogOverloadedError } from './audit-log-overloaded.error';
import { AuditLogStore, auditLogLock } from './audit-log.store';
import { AuditEntry } from './audit-record';

const entry = (n: number): AuditEntry => ({
  at: new Date().toISOString(),
  actor: { username: `user-${n % 3}`, country: 'CO', roles: ['case-worker'] },
  action: 'POST /api/v1/referrals/:id/accept',
  resource: { referral: `referral-${n}` },
  outcome: 200,
});

describe('AuditLogStore (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let db: Kysely<NodeDatabase>;
  /** Pools of other processes of the node, each with its own writer. */
  let others: Kysely<NodeDatabase>[] = [];

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_audit');
    db = scratch.db;
    others = await Promise.all([1, 2].map(() => scratch.open()));
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  it('should keep one unbroken chain when writers of several processes append at once', async () => {
    const writers = [new AuditLogStore(db), ...others.map((other) => new AuditLogStore(other))];

    await Promise.all(Array.from({ length: 60 }, (_, n) => (writers[n % 3] as AuditLogStore).append(entry(n))));

    expect(await verifyAuditChain(new AuditLogStore(db).records())).toMatchObject({ intact: true, records: 60 });
  }, 60_000);

  it('should write a burst from one busy node in batches, in one chain', async () => {
    const store = new AuditLogStore(db);

    const records = await Promise.all(Array.from({ length: 300 }, (_, n) => store.append(entry(n))));

    expect(records.map((record) => record.seq)).toEqual(Array.from({ length: 300 }, (_, n) => 61 + n));
    expect(await verifyAuditChain(store.records())).toMatchObject({ intact: true, records: 360 });
  }, 60_000);

  it('should find the head of a chain it did not write, and again after another writer moved it on', async () => {
    const [mine, theirs] = [new AuditLogStore(db), new AuditLogStore(others[0] as Kysely<NodeDatabase>)];
    expect((await mine.append(entry(1))).seq).toBe(361);
    for (let n = 0; n < 37; n++) await theirs.append(entry(n));

    const next = await mine.append(entry(2));

    expect(next.seq).toBe(399);
    expect(await verifyAuditChain(mine.records())).toMatchObject({ intact: true, records: 399 });
  }, 60_000);

  it('should leave neither a record nor a gap when the transaction it appended in rolls back', async () => {
    const store = new AuditLogStore(db);
    const failed = db.transaction().execute(async (trx) => {
      const appended = await store.appendWithin(trx, [entry(1), entry(2)]);
      expect(appended.map((record) => record.seq)).toEqual([400, 401]);
      throw new Error('the case change failed');
    });
    await expect(failed).rejects.toThrow('the case change failed');

    const next = await store.append(entry(3));

    expect(next.seq).toBe(400);
    expect(await verifyAuditChain(store.records())).toMatchObject({ intact: true, records: 400 });
  });

  it('should commit records appended within a transaction with it, in the chain of the queued ones', async () => {
    const store = new AuditLogStore(db);

    const [within] = await Promise.all([
      db.transaction().execute((trx) => store.appendWithin(trx, [entry(4), entry(5)])),
      store.append(entry(6)),
      new AuditLogStore(others[1] as Kysely<NodeDatabase>).append(entry(7)),
    ]);

    expect(within[1]?.seq).toBe((within[0]?.seq ?? 0) + 1);
    expect(await verifyAuditChain(store.records())).toMatchObject({ intact: true, records: 404 });
  });

  it('should read a chain longer than a page whole and in order', async () => {
    const store = new AuditLogStore(db);
    await Promise.all(Array.from({ length: 1_700 }, (_, n) => store.append(entry(n))));

    const seqs: number[] = [];
    for await (const record of store.records()) seqs.push(record.seq);

    expect(seqs).toEqual(Array.from({ length: 2_104 }, (_, n) => n + 1));
    expect(await verifyAuditChain(store.records())).toMatchObject({ intact: true, records: 2_104 });
  }, 60_000);

  it('should report the first record changed behind its back', async () => {
    await db.updateTable('audit_log').set({ outcome: 500 }).where('seq', '=', '17').execute();

    expect(await verifyAuditChain(new AuditLogStore(db).records())).toMatchObject({ intact: false, firstBroken: 17 });
  });

  it('should refuse an entry at once when too many wait already, and still write those that wait', async () => {
    const store = new AuditLogStore(db, { maxPending: 2 });

    // the first is taken by the writer at once; two more wait for it; the fourth finds the queue full
    const appends = [1, 2, 3, 4].map((n) => store.append(entry(9_000 + n)));

    await expect(appends[3]).rejects.toBeInstanceOf(AuditLogOverloadedError);
    const written = await Promise.all(appends.slice(0, 3));
    expect(written.map((record) => record.resource)).toEqual([
      { referral: 'referral-9001' },
      { referral: 'referral-9002' },
      { referral: 'referral-9003' },
    ]);
  });
});

describe('AuditLogStore.appendWithin, transactions of several processes at once (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let pools: Kysely<NodeDatabase>[] = [];

  beforeAll(async () => {
    scratch = await ScratchDatabase.forNode('int_audit_within');
    pools = [scratch.db, ...(await Promise.all([1, 2].map(() => scratch.open())))];
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  it('should keep one unbroken chain when each transaction took the lock in its own earlier statement', async () => {
    const stores = pools.map((pool) => new AuditLogStore(pool));

    // 48 transactions in three processes; each takes the log's lock in a statement of its work, as a case's last
    // write does, then appends in one statement; a third of them let the append take the lock itself.
    const appended = await Promise.all(
      Array.from({ length: 48 }, (_, n) => {
        const pool = pools[n % 3] as Kysely<NodeDatabase>;
        const store = stores[n % 3] as AuditLogStore;
        return pool.transaction().execute(async (trx) => {
          const locked = n % 3 !== 0;
          await sql`select 1 as work, ${locked ? auditLogLock() : sql`null`}`.execute(trx);
          return store.appendWithin(trx, [entry(n), entry(n + 100)], { locked });
        });
      }),
    );

    const seqs = appended.flatMap((records) => records.map((record) => record.seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 96 }, (_, n) => n + 1));
    expect(await verifyAuditChain(stores[0]?.records() ?? [])).toMatchObject({ intact: true, records: 96 });
  }, 60_000);

  it('should refuse, not fork the chain, an append after a head its transaction read before another moved it on', async () => {
    const [mine, theirs] = [
      new AuditLogStore(pools[0] as Kysely<NodeDatabase>),
      new AuditLogStore(pools[1] as Kysely<NodeDatabase>),
    ];
    const stale = (pools[0] as Kysely<NodeDatabase>)
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`select count(*) from audit_log`.execute(trx);
        await theirs.append(entry(1));
        // claims to hold the lock it never took: the snapshot's head is behind
        return mine.appendWithin(trx, [entry(2)], { locked: true });
      });

    await expect(stale).rejects.toThrow(/duplicate key/);
    expect(await verifyAuditChain(mine.records())).toMatchObject({ intact: true, records: 97 });
  }, 60_000);
});
