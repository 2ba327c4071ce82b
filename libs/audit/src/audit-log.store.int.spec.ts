import { testInfra, uniqueName } from '@enlace/testing';
import mongoose, { Connection } from 'mongoose';
import { verifyAuditChain } from './audit-chain.verifier';
import { AUDIT_COLLECTION, AuditLogStore } from './audit-log.store';
import { AuditEntry } from './audit-record';

const entry = (n: number): AuditEntry => ({
  at: new Date().toISOString(),
  actor: { username: `user-${n % 3}`, country: 'CO', roles: ['case-worker'] },
  action: 'POST /api/v1/referrals/:id/accept',
  resource: { referral: `referral-${n}` },
  outcome: 200,
});

describe('AuditLogStore (on the real FerretDB)', () => {
  let db: Connection;

  beforeAll(async () => {
    db = await mongoose.createConnection(testInfra().mongodbUri, { dbName: uniqueName('int_audit_') }).asPromise();
  }, 60_000);

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  it('should keep one unbroken chain when many writers append at once', async () => {
    const writers = [new AuditLogStore(db), new AuditLogStore(db), new AuditLogStore(db)];

    await Promise.all(Array.from({ length: 60 }, (_, n) => (writers[n % 3] as AuditLogStore).append(entry(n))));

    expect(await verifyAuditChain(new AuditLogStore(db).records())).toEqual({ intact: true, records: 60 });
  }, 60_000);

  it('should write a burst from one busy node in batches, in one chain', async () => {
    const store = new AuditLogStore(db);

    const records = await Promise.all(Array.from({ length: 300 }, (_, n) => store.append(entry(n))));

    expect(records.map((record) => record.seq)).toEqual(Array.from({ length: 300 }, (_, n) => 61 + n));
    expect(await verifyAuditChain(store.records())).toEqual({ intact: true, records: 360 });
  }, 60_000);

  it('should find the head of a chain it did not write, and again after another writer moved it on', async () => {
    const [mine, theirs] = [new AuditLogStore(db), new AuditLogStore(db)];
    expect((await mine.append(entry(1))).seq).toBe(361);
    for (let n = 0; n < 37; n++) await theirs.append(entry(n));

    const next = await mine.append(entry(2));

    expect(next.seq).toBe(399);
    expect(await verifyAuditChain(mine.records())).toEqual({ intact: true, records: 399 });
  }, 60_000);

  it('should report the first record changed behind its back', async () => {
    await db.collection(AUDIT_COLLECTION).updateOne({ _id: 17 } as never, { $set: { outcome: 500 } });

    expect(await verifyAuditChain(new AuditLogStore(db).records())).toMatchObject({ intact: false, firstBroken: 17 });
  });
});
