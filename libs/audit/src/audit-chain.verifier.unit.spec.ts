import { verifyAuditChain } from './audit-chain.verifier';
import { auditHash } from './audit-hash';
import { AuditEntry, AuditRecord, GENESIS_HASH } from './audit-record';

function chain(length: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const entry: AuditEntry = {
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actor: { username: 'co.focal', country: 'CO', roles: ['focal-point'] },
      action: 'GET /api/v1/referrals/:id',
      resource: { referral: `r-${seq}` },
      outcome: 200,
    };
    const unsealed = { ...entry, seq, prevHash: records.at(-1)?.hash ?? GENESIS_HASH };
    records.push({ ...unsealed, hash: auditHash(unsealed) });
  }
  return records;
}

describe(verifyAuditChain.name, () => {
  it('should find an untouched chain intact', async () => {
    expect(await verifyAuditChain(chain(5))).toEqual({ intact: true, records: 5 });
  });

  it('should find an empty chain intact', async () => {
    expect(await verifyAuditChain([])).toEqual({ intact: true, records: 0 });
  });

  it('should report a record whose content was changed', async () => {
    const records = chain(5);
    records[2] = { ...(records[2] as AuditRecord), actor: null };

    expect(await verifyAuditChain(records)).toMatchObject({
      intact: false,
      firstBroken: 3,
      reason: 'its content does not match its hash',
    });
  });

  it('should report a record that was removed', async () => {
    const records = chain(5);
    records.splice(1, 1);

    expect(await verifyAuditChain(records)).toMatchObject({
      intact: false,
      firstBroken: 2,
      reason: 'expected record 2, found 3',
    });
  });

  it('should report a record rewritten with a fresh hash but cut from the one before', async () => {
    const records = chain(4);
    const forged = { ...(records[3] as AuditRecord), outcome: 403, prevHash: GENESIS_HASH };
    records[3] = { ...forged, hash: auditHash(forged) };

    expect(await verifyAuditChain(records)).toMatchObject({
      intact: false,
      firstBroken: 4,
      reason: 'it does not point at the record before',
    });
  });

  it('should hash a record the same whatever order its keys were written in', () => {
    const [record] = chain(1);
    if (!record) throw new Error('no record');
    const reordered = {
      outcome: record.outcome,
      resource: record.resource,
      action: record.action,
      actor: record.actor,
      at: record.at,
      prevHash: record.prevHash,
      seq: record.seq,
    };

    expect(auditHash(reordered)).toBe(record.hash);
  });
});
