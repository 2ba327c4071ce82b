import { stringify } from 'csv-stringify/sync';
import { HTCDS_EXPORT_COLUMNS, HtcdsCaseRow } from './htcds-case-row';

/**
 * A cell a spreadsheet would take for a formula (=, +, -, @, tab, carriage return first): free text comes from
 * case workers and, through messages, from other countries, so it is defused with a leading apostrophe (OWASP's
 * advice on CSV injection). Dates, ids and codes never start so.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function defusedCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The rows as CSV (RFC 4180: a header line, CRLF line ends, quotes where needed), every cell defused. */
export function htcdsCsv(rows: readonly HtcdsCaseRow[]): string {
  return stringify(
    rows.map((row) => HTCDS_EXPORT_COLUMNS.map((column) => defusedCell(row[column] ?? ''))),
    { header: true, columns: [...HTCDS_EXPORT_COLUMNS], record_delimiter: 'windows' },
  );
}
