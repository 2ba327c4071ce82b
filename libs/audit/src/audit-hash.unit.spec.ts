import { auditHash, auditMac, sealAuditRecord } from './audit-hash';
import { AuditKey, auditKeyId } from './audit-key';
import { GENESIS_HASH } from './audit-record';

const key: AuditKey = { id: auditKeyId(new Uint8Array(32).fill(1)), key: new Uint8Array(32).fill(1) };
const unsealed = {
  seq: 1,
  prevHash: GENESIS_HASH,
  at: '2026-01-01T00:00:00.000Z',
  actor: { username: 'co.focal', country: 'CO', roles: ['focal-point'] },
  action: 'POST /api/v1/reintegrations/:id/close',
  resource: { reintegration: 'r-1' },
  outcome: 200,
};

describe(sealAuditRecord.name, () => {
  it('should seal with the audit key: an HMAC over the record with its key id, which SHA-256 alone cannot remake', () => {
    const sealed = sealAuditRecord(unsealed, key);

    expect(sealed.keyId).toBe(key.id);
    expect(sealed.hash).toBe(auditMac({ ...unsealed, keyId: key.id }, key));
    expect(sealed.hash).not.toBe(auditHash({ ...unsealed, keyId: key.id }));
  });

  it('should seal by SHA-256 alone without a key, naming no key', () => {
    const sealed = sealAuditRecord(unsealed);

    expect(sealed).not.toHaveProperty('keyId');
    expect(sealed.hash).toBe(auditHash(unsealed));
  });

  it('should give another seal under another key, and for another key id', () => {
    const other: AuditKey = { id: auditKeyId(new Uint8Array(32).fill(2)), key: new Uint8Array(32).fill(2) };

    expect(sealAuditRecord(unsealed, other).hash).not.toBe(sealAuditRecord(unsealed, key).hash);
    expect(auditMac({ ...unsealed, keyId: 'another' }, key)).not.toBe(auditMac({ ...unsealed, keyId: key.id }, key));
  });
});
