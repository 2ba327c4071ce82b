import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AuditEntry, AuditKey, AuditLogStore, GENESIS_HASH, auditHash, ensureAuditKeyFile } from '@enlace/audit';
import { NodeKeys, NodeStatementSigner, generateNodeKeys } from '@enlace/envelope';
import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { verifyNodeAuditLog } from './audit-verification';

const entry = (n: number): AuditEntry => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  actor: { username: 'co.focal', country: 'CO', roles: ['focal-point'] },
  action: 'POST /api/v1/reintegrations/:id/close',
  resource: { reintegration: `reintegration-${n}` },
  outcome: 200,
});

/**
 * An audit of CO's node as an auditor runs it: the node's database, its audit key, and the latest checkpoint saved
 * from the monitor with the network's directory. The operator's tampering is done the way one with the database but
 * without the key would.
 */
describe('enlace audit verify (on the real PostgreSQL)', () => {
  let dir: string;
  let keyFile: string;
  let key: AuditKey;
  let directoryFile: string;
  let coKeys: NodeKeys;
  let scratch: ScratchDatabase<NodeDatabase>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'enlace-audit-verify-'));
    keyFile = path.join(dir, 'co.audit-key.json');
    key = await ensureAuditKeyFile(keyFile);
    const { nodeKeys, publicKeys } = await generateNodeKeys('CO');
    coKeys = nodeKeys;
    directoryFile = path.join(dir, 'directory.json');
    const co = {
      country: 'CO',
      nodeId: 'co-node-1',
      organisations: ['CO'],
      ...publicKeys,
      validFrom: '2020-01-01T00:00:00.000Z',
    };
    await writeFile(directoryFile, JSON.stringify({ network: 'demo', members: [co] }));
  }, 60_000);

  beforeEach(async () => {
    scratch = await ScratchDatabase.forNode('int_cli_audit_verify');
    const log = new AuditLogStore(scratch.db, { key });
    for (let n = 1; n <= 12; n++) await log.append(entry(n));
  }, 60_000);

  afterEach(async () => {
    await scratch?.drop();
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The checkpoint of the log as it is now, signed by CO, in the form the monitor serves it. */
  async function checkpointFileNow(): Promise<string> {
    const head = await new AuditLogStore(scratch.db).head();
    const checkpoint = {
      checkpointId: randomUUID(),
      network: 'demo',
      country: 'CO',
      sequence: head.seq,
      headMac: head.hash,
      count: head.seq,
      at: new Date().toISOString(),
    };
    const statement = await new NodeStatementSigner(coKeys).sign('enlace-audit-checkpoint+jws', checkpoint);
    const file = path.join(dir, `checkpoint-${randomUUID()}.json`);
    const { checkpointId: _id, network: _network, ...served } = checkpoint;
    await writeFile(file, JSON.stringify({ ...served, receivedAt: new Date().toISOString(), statement }));
    return file;
  }

  it('should pass an untouched log that still holds its signed checkpoint', async () => {
    const checkpointFile = await checkpointFileNow();

    const progress = { total: -1, checked: 0 };

    const report = await verifyNodeAuditLog(scratch.db, {
      keyFile,
      checkpointFile,
      directoryFile,
      country: 'CO',
      progress: { start: (total) => (progress.total = total), checked: () => (progress.checked += 1) },
    });

    expect(report).toMatchObject({ intact: true, records: 12, unkeyed: 0 });
    expect(report.checkpoint).toMatchObject({ sequence: 12, signatureChecked: true });
    // the progress bar was told the log's size first, then each record as it was checked
    expect(progress).toEqual({ total: 12, checked: 12 });
  });

  it('should detect a record rewritten and every later one re-hashed', async () => {
    const records = [];
    for await (const record of new AuditLogStore(scratch.db).records()) records.push(record);
    let prevHash = records[4]?.hash ?? GENESIS_HASH;
    for (const record of records.slice(5)) {
      const { hash: _hash, ...rest } = record;
      const rewritten = { ...rest, prevHash, ...(record.seq === 6 && { actor: null }) };
      const hash = auditHash(rewritten);
      await scratch.db
        .updateTable('audit_log')
        .set({ actor: rewritten.actor && JSON.stringify(rewritten.actor), prev_hash: prevHash, hash })
        .where('seq', '=', String(record.seq))
        .execute();
      prevHash = hash;
    }

    expect(await verifyNodeAuditLog(scratch.db, { keyFile })).toMatchObject({
      intact: false,
      firstBroken: 6,
      reason: 'its content does not match its seal (HMAC)',
    });
  });

  it('should detect a cut tail against the last checkpoint', async () => {
    const checkpointFile = await checkpointFileNow();
    await scratch.db.deleteFrom('audit_log').where('seq', '>', '9').execute();

    expect(await verifyNodeAuditLog(scratch.db, { keyFile, checkpointFile, directoryFile })).toMatchObject({
      intact: false,
      records: 9,
      firstBroken: 10,
      reason: expect.stringContaining('anchored 12 records: its tail was cut'),
    });
  });

  it("should refuse a checkpoint whose signed statement was changed, or another country's", async () => {
    const checkpointFile = await checkpointFileNow();
    const saved = JSON.parse(await (await import('node:fs/promises')).readFile(checkpointFile, 'utf8')) as {
      statement: string;
    };
    const [header, payload, signature] = saved.statement.split('.') as [string, string, string];
    const shorter = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), sequence: 3 };
    const forged = path.join(dir, 'forged.json');
    const changed = `${header}.${Buffer.from(JSON.stringify(shorter)).toString('base64url')}.${signature}`;
    await writeFile(forged, JSON.stringify({ ...saved, sequence: 3, statement: changed }));

    await expect(verifyNodeAuditLog(scratch.db, { keyFile, checkpointFile: forged, directoryFile })).rejects.toThrow();
    await expect(
      verifyNodeAuditLog(scratch.db, { keyFile, checkpointFile, directoryFile, country: 'EC' }),
    ).rejects.toThrow('the checkpoint is of CO, not of EC');
  });
});
