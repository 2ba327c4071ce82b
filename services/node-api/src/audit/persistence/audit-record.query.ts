/** The orders the audit log is read in: newest first, or the chain's own order (oldest first). */
export type AuditRecordSort = 'newest' | 'sequence';

export const AUDIT_RECORD_DEFAULT_LIMIT = 50;

/** What narrows the log: written in [from, to), by one action, by one user name. */
export interface AuditRecordFilter {
  readonly from?: Date;
  readonly to?: Date;
  readonly action?: string;
  readonly user?: string;
}

/** What an export takes: every record of the filter, in the order asked. */
export interface AuditRecordExport extends AuditRecordFilter {
  readonly sort: AuditRecordSort;
}

/** One page's query: the filter, the order, the page's size and the sequence number the page starts after. */
export interface AuditRecordQuery extends AuditRecordExport {
  readonly limit: number;
  readonly afterSeq?: number;
}
