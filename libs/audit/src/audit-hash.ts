import { createHash } from 'node:crypto';
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

/** The hash a record must carry: over everything in it but the hash itself. */
export function auditHash(record: Omit<AuditRecord, 'hash'>): string {
  const { seq, prevHash, at, actor, action, resource, outcome } = record;
  return createHash('sha256').update(canonical({ seq, prevHash, at, actor, action, resource, outcome })).digest('hex');
}
