import { stringify, type Stringifier } from 'csv-stringify';
import { defusedCell } from '../../common/csv/defused-cell';
import type { AuditRecordView } from '../dto/audit-record.view';

/** The columns of the audit log's CSV file, in order: what the console's table shows, ids whole. */
export const AUDIT_RECORD_CSV_COLUMNS = ['seq', 'at', 'user', 'action', 'resources', 'outcome'] as const;

type AuditRecordCsvRow = Record<(typeof AUDIT_RECORD_CSV_COLUMNS)[number], string | number>;

/** One record as a line: no user is an empty cell; the resources as `type:id`, separated by spaces. */
export function toAuditRecordCsvRow(record: AuditRecordView): AuditRecordCsvRow {
  return {
    seq: record.seq,
    at: record.at,
    user: record.user ?? '',
    action: record.action,
    resources: record.resources.map(({ type, id }) => `${type}:${id}`).join(' '),
    outcome: record.outcome,
  };
}

/**
 * A stream that takes records and gives the CSV text (RFC 4180: a header line, CRLF line ends, quotes where needed),
 * every text cell defused (a user name comes from the identity provider): a log of years is written record by record,
 * never held whole in memory.
 */
export function auditRecordCsvStream(): Stringifier {
  return stringify({
    header: true,
    columns: [...AUDIT_RECORD_CSV_COLUMNS],
    record_delimiter: 'windows',
    cast: { string: defusedCell },
  });
}
