import type { StatisticsReportV1 } from '@enlace/contracts';

/** The dimensions of a row: the group's total, or one of its breakdowns. */
export type RegionalStatisticsDimension = 'total' | 'sex' | 'ageBand' | 'nationality' | 'exploitation';

/**
 * One line of the secretariat's combined table: a count as its node published it (a number, "<k" or "withheld"),
 * never recomputed. Counts of different nodes are not added up: a referral is a case at both of its ends, and a sum
 * with a suppressed part would not be a number anyway.
 */
export interface RegionalStatisticsRow {
  reportedBy: string;
  month: string;
  protocol: string;
  fromCountry: string;
  toCountry: string;
  dimension: RegionalStatisticsDimension;
  category: string;
  count: number | string;
}

const DIMENSIONS = ['sex', 'ageBand', 'nationality', 'exploitation'] as const;

/** The reports' groups and breakdowns as rows; a breakdown withheld whole is one row with the count "withheld". */
export function regionalStatisticsRows(reports: readonly StatisticsReportV1[]): RegionalStatisticsRow[] {
  return reports.flatMap((report) =>
    report.groups.flatMap((group) => {
      const base = {
        reportedBy: report.country,
        month: report.month,
        protocol: group.protocol,
        fromCountry: group.fromCountry,
        toCountry: group.toCountry,
      };
      return [
        { ...base, dimension: 'total' as const, category: 'all', count: group.total },
        ...DIMENSIONS.flatMap((dimension) => {
          const breakdown = group.breakdowns[dimension];
          return 'withheld' in breakdown
            ? [{ ...base, dimension, category: 'all', count: 'withheld' }]
            : breakdown.cells.map((cell) => ({ ...base, dimension, category: cell.category, count: cell.count }));
        }),
      ];
    }),
  );
}

export const REGIONAL_STATISTICS_CSV_COLUMNS: readonly (keyof RegionalStatisticsRow)[] = [
  'reportedBy',
  'month',
  'protocol',
  'fromCountry',
  'toCountry',
  'dimension',
  'category',
  'count',
];

/**
 * The rows as CSV (RFC 4180, CRLF). Every cell is a code, a month or a count held to the report's contract; a
 * category a signed report could still start with + or - is defused with an apostrophe (OWASP on CSV injection).
 */
export function regionalStatisticsCsv(rows: readonly RegionalStatisticsRow[]): string {
  const lines = [REGIONAL_STATISTICS_CSV_COLUMNS.join(',')];
  for (const row of rows)
    lines.push(REGIONAL_STATISTICS_CSV_COLUMNS.map((column) => quoted(String(row[column]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function quoted(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
