import { encodeListCursor, listFilterDigest } from '../../common/paging/list-cursor';
import type { AuditRecordFilter, AuditRecordSort } from './audit-record.query';

/** A place in the audit log: the last listed record's sequence number. */
export interface AuditRecordPosition {
  readonly seq: number;
}

/** The digest of the log's filters its cursors carry (listFilterDigest: the user name and action are hashed). */
export function auditRecordDigest(filter: AuditRecordFilter): string {
  return listFilterDigest([
    filter.from?.toISOString() ?? null,
    filter.to?.toISOString() ?? null,
    filter.action ?? null,
    filter.user ?? null,
  ]);
}

export function isAuditRecordPosition(position: unknown): position is AuditRecordPosition {
  if (position === null || typeof position !== 'object') return false;
  const { seq } = position as Partial<Record<'seq', unknown>>;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 1;
}

/** The cursor of the page after the record `seq` (the shared list cursor). */
export function encodeAuditRecordCursor(sort: AuditRecordSort, digest: string, seq: number): string {
  return encodeListCursor(sort, digest, { seq });
}
