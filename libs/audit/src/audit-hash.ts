import { createHash, createHmac } from 'node:crypto';
import type { AuditKey } from './audit-key';
import { AuditRecord } from './audit-record';

/** JSON with object keys in sorted order at every level: the same record always gives the same bytes. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The bytes a record's seal covers: everything in it but the seal itself (keyId only when it has one). */
function canonicalRecord(record: Omit<AuditRecord, 'hash'>): string {
  const { seq, prevHash, at, actor, action, resource, outcome, keyId } = record;
  return canonical({ seq, prevHash, at, actor, action, resource, outcome, keyId });
}

/** The SHA-256 an unkeyed record must carry (records from before the log was keyed; the monitor's log). */
export function auditHash(record: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(canonicalRecord(record)).digest('hex');
}

/** The HMAC-SHA256 under the audit key a keyed record must carry: without the key, no one can make it. */
export function auditMac(record: Omit<AuditRecord, 'hash'>, key: AuditKey): string {
  return createHmac('sha256', key.key).update(canonicalRecord(record)).digest('hex');
}

/**
 * Seals an entry at its place in the chain: with the audit key when there is one (the record then names it), else
 * by SHA-256 alone.
 */
export function sealAuditRecord(unsealed: Omit<AuditRecord, 'hash' | 'keyId'>, key?: AuditKey): AuditRecord {
  if (!key) return { ...unsealed, hash: auditHash(unsealed) };
  const named = { ...unsealed, keyId: key.id };
  return { ...named, hash: auditMac(named, key) };
}
