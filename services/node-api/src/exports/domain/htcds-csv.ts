import { stringify, type Stringifier } from 'csv-stringify';
import { HTCDS_EXPORT_COLUMNS } from './htcds-case-row';

/**
 * A cell a spreadsheet would take for a formula (=, +, -, @, tab, carriage return first): free text comes from
 * case workers and, through messages, from other countries, so it is defused with a leading apostrophe (OWASP's
 * advice on CSV injection). Dates, ids and codes never start so.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function defusedCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A stream that takes rows and gives CSV text (RFC 4180: a header line, CRLF line ends, quotes where needed), every
 * cell defused: a node of many years of cases is exported row by row, never held whole in memory.
 */
export function htcdsCsvStream(): Stringifier {
  return stringify({
    header: true,
    columns: [...HTCDS_EXPORT_COLUMNS],
    record_delimiter: 'windows',
    cast: { string: defusedCell },
  });
}
