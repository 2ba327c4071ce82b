import { stringify, type Stringifier } from 'csv-stringify';
import { defusedCell } from '../../common/csv/defused-cell';
import { HTCDS_EXPORT_COLUMNS } from './htcds-case-row';

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
