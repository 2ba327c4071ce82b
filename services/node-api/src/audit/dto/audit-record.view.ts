import type { AuditRecordRow } from '../persistence/audit-record.repository';

/** One record as node-api's contract shows it (AuditRecordView). */
export interface AuditRecordView {
  readonly seq: number;
  readonly at: string;
  readonly user: string | null;
  readonly action: string;
  readonly resources: readonly { readonly type: string; readonly id: string }[];
  readonly outcome: number;
}

/** A page of the log (AuditRecordList). */
export interface AuditRecordListView {
  readonly items: readonly AuditRecordView[];
  readonly nextCursor?: string;
}

export function toAuditRecordView(row: AuditRecordRow): AuditRecordView {
  return {
    seq: row.seq,
    at: row.at,
    user: row.user,
    action: row.action,
    resources: Object.entries(row.resource).map(([type, id]) => ({ type, id: String(id) })),
    outcome: row.outcome,
  };
}
