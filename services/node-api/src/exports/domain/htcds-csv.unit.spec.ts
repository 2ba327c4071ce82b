import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { HtcdsCaseRow } from './htcds-case-row';
import { htcdsCsvStream } from './htcds-csv';

function csvOf(rows: HtcdsCaseRow[]): Promise<string> {
  return text(Readable.from(rows).pipe(htcdsCsvStream()));
}

describe('htcdsCsvStream', () => {
  it('should write a header line and one quoted-where-needed line per case, with CRLF line ends', async () => {
    const csv = await csvOf([
      { enl_CaseId: 'r-1', enl_Protocol: 'referral', cas_OutgoingReferralDetails: 'shelter, "urgent"' },
    ]);

    const [header, line, end] = csv.split('\r\n');
    expect(header?.split(',').slice(0, 3)).toEqual(['enl_CaseId', 'enl_Protocol', 'enl_Direction']);
    expect(line?.startsWith('r-1,referral,,')).toBe(true);
    expect(line).toContain('"shelter, ""urgent"""');
    expect(end).toBe('');
  });

  it('should defuse cells a spreadsheet would run as a formula', async () => {
    const csv = await csvOf([
      {
        enl_CaseId: 'r-1',
        cas_OutgoingReferralDetails: '=HYPERLINK("http://x")',
        cas_ReasonForCaseClosure: '@SUM(A1)',
      },
    ]);

    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`'@SUM(A1)`);
    expect(csv).not.toMatch(/,=HYPERLINK|,"=HYPERLINK|,@SUM/);
  });

  it('should write the header alone when there is no case', async () => {
    const csv = await csvOf([]);

    expect(csv.split('\r\n')).toHaveLength(2);
  });
});
