import type { StatisticsReportV1 } from '@enlace/contracts';
import { regionalStatisticsCsv, regionalStatisticsRows } from './regional-statistics-table';

const withheld = { withheld: true } as const;
const report: StatisticsReportV1 = {
  reportId: '0b8e7c1a-5d2f-4e3b-9a6c-7f1e2d3c4b5a',
  network: 'andes',
  country: 'CO',
  month: '2026-03',
  generatedAt: '2026-04-01T02:00:00.000Z',
  threshold: 11,
  groups: [
    {
      protocol: 'referral',
      fromCountry: 'CO',
      toCountry: 'EC',
      total: 23,
      breakdowns: {
        sex: {
          cells: [
            { category: 'Feminine', count: '<11' },
            { category: 'Masculine', count: 'withheld' },
          ],
        },
        ageBand: { cells: [{ category: '25-34', count: 23 }] },
        nationality: { cells: [{ category: '-CO', count: 23 }] },
        exploitation: withheld,
      },
    },
  ],
};

describe('regionalStatisticsRows', () => {
  it('should give one row per published count, a withheld breakdown as one row, counts as the node published them', () => {
    // given a node's report, when flattened
    const rows = regionalStatisticsRows([report]);
    // then the total, each cell, and the withheld breakdown are rows; nothing is recomputed
    expect(rows.map((row) => [row.dimension, row.category, row.count])).toEqual([
      ['total', 'all', 23],
      ['sex', 'Feminine', '<11'],
      ['sex', 'Masculine', 'withheld'],
      ['ageBand', '25-34', 23],
      ['nationality', '-CO', 23],
      ['exploitation', 'all', 'withheld'],
    ]);
  });
});

describe('regionalStatisticsCsv', () => {
  it('should write a header and CRLF lines, "<11" as it is, and defuse a cell a spreadsheet would run', () => {
    const csv = regionalStatisticsCsv(regionalStatisticsRows([report]));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('reportedBy,month,protocol,fromCountry,toCountry,dimension,category,count');
    expect(lines).toContain('CO,2026-03,referral,CO,EC,sex,Feminine,<11');
    expect(lines).toContain("CO,2026-03,referral,CO,EC,nationality,'-CO,23");
    expect(lines.at(-1)).toBe('');
  });
});
