import { verifyAuditChain } from './audit-chain.verifier';
import { auditHash, sealAuditRecord } from './audit-hash';
import { AuditKey, auditKeyId } from './audit-key';
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
    const records = chain(5);

    expect(await verifyAuditChain(records)).toEqual({ intact: true, records: 5, unkeyed: 5, head: records[4]?.hash });
  });

  it('should find an empty chain intact', async () => {
    expect(await verifyAuditChain([])).toEqual({ intact: true, records: 0, unkeyed: 0, head: GENESIS_HASH });
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

describe('verifyAuditChain, of records sealed with the audit key', () => {
  const key: AuditKey = { id: auditKeyId(new Uint8Array(32).fill(7)), key: new Uint8Array(32).fill(7) };
  const otherKey: AuditKey = { id: auditKeyId(new Uint8Array(32).fill(9)), key: new Uint8Array(32).fill(9) };

  /** `unkeyed` records sealed by SHA-256 alone (from before the log was keyed), then `keyed` sealed with `sealer`. */
  function sealedChain(unkeyed: number, keyed: number, sealer = key): AuditRecord[] {
    const records: AuditRecord[] = [];
    for (let seq = 1; seq <= unkeyed + keyed; seq++) {
      const unsealed = {
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
        actor: { username: 'co.focal', country: 'CO', roles: ['focal-point'] },
        action: 'POST /api/v1/returns/:id/accept',
        resource: { return: `r-${seq}` },
        outcome: 200,
        seq,
        prevHash: records.at(-1)?.hash ?? GENESIS_HASH,
      };
      records.push(sealAuditRecord(unsealed, seq > unkeyed ? sealer : undefined));
    }
    return records;
  }

  /** What an operator without the key can do: change a record and re-seal it and every later one by SHA-256. */
  function rewrittenAndRehashed(records: AuditRecord[], at: number): AuditRecord[] {
    const forged = records.slice(0, at - 1);
    for (const record of records.slice(at - 1)) {
      const { hash: _hash, ...rest } = record;
      const unsealed = { ...rest, prevHash: forged.at(-1)?.hash ?? GENESIS_HASH };
      if (unsealed.seq === at) unsealed.outcome = 403;
      forged.push({ ...unsealed, hash: auditHash(unsealed) });
    }
    return forged;
  }

  it('should find an untouched keyed chain after unkeyed records intact, counting the unkeyed', async () => {
    const records = sealedChain(2, 4);

    expect(await verifyAuditChain(records, { key })).toEqual({
      intact: true,
      records: 6,
      unkeyed: 2,
      head: records[5]?.hash,
    });
  });

  it('should report a record rewritten and every later one re-hashed: its HMAC fails without the key', async () => {
    const forged = rewrittenAndRehashed(sealedChain(0, 6), 3);

    expect(await verifyAuditChain(forged, { key })).toMatchObject({
      intact: false,
      firstBroken: 3,
      reason: 'its content does not match its seal (HMAC)',
    });
  });

  it('should report a keyed record turned into an unkeyed one (keyId dropped, SHA-256 made)', async () => {
    const records = sealedChain(1, 4);
    const { keyId: _keyId, hash: _hash, ...unkeyed } = records[2] as AuditRecord;
    records[2] = { ...unkeyed, hash: auditHash(unkeyed) };

    expect(await verifyAuditChain(records, { key })).toMatchObject({
      intact: false,
      firstBroken: 3,
      reason: 'it is sealed by SHA-256 alone after records sealed with the audit key',
    });
  });

  it('should name the key when the records were sealed with another one, or none was given', async () => {
    const records = sealedChain(0, 2, otherKey);

    expect(await verifyAuditChain(records, { key })).toMatchObject({
      intact: false,
      firstBroken: 1,
      reason: `it is sealed with the audit key ${otherKey.id}, not with the key given (${key.id})`,
    });
    expect(await verifyAuditChain(records)).toMatchObject({ intact: false, firstBroken: 1 });
  });

  describe('and the last checkpoint anchored outside the node', () => {
    it('should find a log that still holds the anchored head intact, records after it included', async () => {
      const records = sealedChain(0, 8);
      const checkpoint = { sequence: 5, headMac: records[4]?.hash ?? '', at: '2026-01-01T00:00:05.000Z' };

      expect(await verifyAuditChain(records, { key, checkpoint })).toMatchObject({ intact: true, records: 8 });
    });

    it('should report a cut tail: the log ends before the anchored head', async () => {
      const records = sealedChain(0, 8);
      const checkpoint = { sequence: 8, headMac: records[7]?.hash ?? '', at: '2026-01-01T00:00:08.000Z' };

      expect(await verifyAuditChain(records.slice(0, 6), { key, checkpoint })).toEqual({
        intact: false,
        records: 6,
        firstBroken: 7,
        reason:
          'the log ends at record 6, but the checkpoint of 2026-01-01T00:00:08.000Z anchored 8 records: its tail was cut',
      });
    });

    it('should report a log whose record at the anchored head differs from it', async () => {
      const records = sealedChain(0, 4);
      const checkpoint = { sequence: 3, headMac: 'f'.repeat(64), at: '2026-01-01T00:00:03.000Z' };

      expect(await verifyAuditChain(records, { key, checkpoint })).toMatchObject({
        intact: false,
        firstBroken: 3,
        reason: 'it differs from the head anchored by the checkpoint of 2026-01-01T00:00:03.000Z',
      });
    });
  });
});
