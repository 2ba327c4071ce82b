import { createHash } from 'node:crypto';
import type { AuditRecordFilter, AuditRecordSort } from './audit-record.query';

const VERSION = 1;

interface CursorContent {
  v: number;
  s: AuditRecordSort;
  /** The digest of the filters the cursor was made for. */
  f: string;
  /** The last listed record's sequence number. */
  q: number;
}

/**
 * A short digest of the filters a cursor was made for: given back with other filters, it is refused instead of
 * starting a page in another list. The user name and action are hashed, never carried as they are.
 */
export function auditRecordDigest(filter: AuditRecordFilter): string {
  const canonical = JSON.stringify([
    filter.from?.toISOString() ?? null,
    filter.to?.toISOString() ?? null,
    filter.action ?? null,
    filter.user ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

/** The opaque cursor of the page after the record `seq` (base64url of a small JSON). */
export function encodeAuditRecordCursor(sort: AuditRecordSort, digest: string, seq: number): string {
  const content: CursorContent = { v: VERSION, s: sort, f: digest, q: seq };
  return Buffer.from(JSON.stringify(content)).toString('base64url');
}

/** The sequence number a cursor names, if it is one of ours for this sort and these filters; undefined otherwise. */
export function decodeAuditRecordCursor(text: string, sort: AuditRecordSort, digest: string): number | undefined {
  let content: Partial<CursorContent>;
  try {
    content = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<CursorContent>;
  } catch {
    return undefined;
  }
  if (content === null || typeof content !== 'object') return undefined;
  const { v, s, f, q } = content;
  if (v !== VERSION || s !== sort || f !== digest) return undefined;
  if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < 1) return undefined;
  return q;
}
