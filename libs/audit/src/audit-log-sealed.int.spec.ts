import { randomBytes } from 'node:crypto';
import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { verifyAuditChain } from './audit-chain.verifier';
import { auditHash } from './audit-hash';
import { AuditKey, auditKeyId } from './audit-key';
import { AuditKeyMismatchError } from './audit-key-mismatch.error';
import { AuditLogStore } from './audit-log.store';
import { AuditEntry, AuditRecord, GENESIS_HASH } from './audit-record';

const newKey = (): AuditKey => {
  const key = new Uint8Array(randomBytes(32));
  return { id: auditKeyId(key), key };
};

const entry = (n: number): AuditEntry => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  actor: { username: `user-${n % 3}`, country: 'CO', roles: ['case-worker'] },
  action: 'POST /api/v1/returns/:id/accept',
  resource: { return: `return-${n}` },
  outcome: 200,
});

async function all(store: AuditLogStore): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const record of store.records()) records.push(record);
  return records;
}

/**
 * What an operator with the database but not the audit key can do: change one record and re-seal it and every later
 * one with what the database holds, the way the log was sealed before it was keyed (SHA-256).
 */
async function rewriteAndRehash(db: Kysely<NodeDatabase>, from: number): Promise<void> {
  const records = await all(new AuditLogStore(db));
  let prevHash = records[from - 2]?.hash ?? GENESIS_HASH;
  await db.transaction().execute(async (trx) => {
    for (const record of records.slice(from - 1)) {
      const { hash: _hash, keyId, ...rest } = record;
      const rewritten = { ...rest, keyId, prevHash, ...(record.seq === from && { outcome: 403 }) };
      const hash = auditHash(rewritten);
      await trx
        .updateTable('audit_log')
        .set({ outcome: rewritten.outcome, prev_hash: prevHash, hash })
        .where('seq', '=', String(record.seq))
        .execute();
      prevHash = hash;
    }
  });
}

describe('AuditLogStore sealed with the audit key (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<NodeDatabase>;
  let db: Kysely<NodeDatabase>;
  const key = newKey();

  beforeEach(async () => {
    scratch = await ScratchDatabase.forNode('int_audit_sealed');
    db = scratch.db;
  }, 60_000);

  afterEach(async () => {
    await scratch?.drop();
  });

  it('should seal every record with the key, and find the untouched log intact', async () => {
    const store = new AuditLogStore(db, { key });
    await Promise.all(Array.from({ length: 30 }, (_, n) => store.append(entry(n))));

    const rows = await db.selectFrom('audit_log').select('key_id').distinct().execute();
    expect(rows).toEqual([{ key_id: key.id }]);
    expect(await verifyAuditChain(store.records(), { key })).toMatchObject({ intact: true, records: 30, unkeyed: 0 });
  });

  it('should detect a record rewritten and the rest re-hashed by whoever lacks the key', async () => {
    const store = new AuditLogStore(db, { key });
    for (let n = 1; n <= 10; n++) await store.append(entry(n));

    await rewriteAndRehash(db, 4);

    expect(await verifyAuditChain(store.records(), { key })).toMatchObject({
      intact: false,
      firstBroken: 4,
      reason: 'its content does not match its seal (HMAC)',
    });
  });

  it('should detect a cut tail against the last checkpoint, which the log alone cannot show', async () => {
    const store = new AuditLogStore(db, { key });
    for (let n = 1; n <= 10; n++) await store.append(entry(n));
    const head = await store.head();
    const checkpoint = { sequence: head.seq, headMac: head.hash, at: new Date().toISOString() };

    await db.deleteFrom('audit_log').where('seq', '>', '7').execute();

    expect(await verifyAuditChain(store.records(), { key })).toMatchObject({ intact: true, records: 7 });
    expect(await verifyAuditChain(store.records(), { key, checkpoint })).toMatchObject({
      intact: false,
      records: 7,
      firstBroken: 8,
    });
  });

  it('should continue a log sealed by SHA-256 alone (from before 0008) with keyed records, verifiable whole', async () => {
    const before = new AuditLogStore(db);
    for (let n = 1; n <= 3; n++) await before.append(entry(n));
    const after = new AuditLogStore(db, { key });

    for (let n = 4; n <= 6; n++) await after.append(entry(n));

    expect(await verifyAuditChain(after.records(), { key })).toMatchObject({ intact: true, records: 6, unkeyed: 3 });
  });

  it('should refuse to write into a keyed log without its key or with another, naming the key ids', async () => {
    await new AuditLogStore(db, { key }).append(entry(1));
    const other = newKey();

    await expect(new AuditLogStore(db).append(entry(2))).rejects.toBeInstanceOf(AuditKeyMismatchError);
    await expect(new AuditLogStore(db, { key: other }).assertKeyMatches()).rejects.toThrow(
      `the audit log is sealed with the audit key ${key.id}, not with the key given (ENLACE_AUDIT_KEY_FILE, ${other.id})`,
    );
    await expect(new AuditLogStore(db, { key }).assertKeyMatches()).resolves.toBeUndefined();
    expect(await verifyAuditChain(new AuditLogStore(db).records(), { key })).toMatchObject({ records: 1 });
  });
});
