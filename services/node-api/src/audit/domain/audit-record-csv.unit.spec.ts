import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { auditRecordCsvStream, toAuditRecordCsvRow } from './audit-record-csv';

describe('auditRecordCsvStream', () => {
  const csvOf = (rows: ReturnType<typeof toAuditRecordCsvRow>[]) =>
    text(Readable.from(rows).pipe(auditRecordCsvStream()));

  it('should write a header and one CRLF line per record, the resources as type:id', async () => {
    const csv = await csvOf([
      toAuditRecordCsvRow({
        seq: 7,
        at: '2026-01-10T12:00:00.000Z',
        user: 'co.case-worker',
        action: 'POST /api/v1/returns/:id/accept',
        resources: [
          { type: 'return', id: 'a1' },
          { type: 'document', id: 'b2' },
        ],
        outcome: 409,
      }),
    ]);

    expect(csv).toBe(
      'seq,at,user,action,resources,outcome\r\n' +
        '7,2026-01-10T12:00:00.000Z,co.case-worker,POST /api/v1/returns/:id/accept,return:a1 document:b2,409\r\n',
    );
  });

  it('should leave the user empty for a caller without a token, and defuse a cell a spreadsheet would run', async () => {
    const csv = await csvOf([
      toAuditRecordCsvRow({
        seq: 1,
        at: '2026-01-10T12:00:00.000Z',
        user: null,
        action: 'GET /x',
        resources: [],
        outcome: 401,
      }),
      toAuditRecordCsvRow({
        seq: 2,
        at: '2026-01-10T12:00:01.000Z',
        user: '=HYPERLINK("x")',
        action: 'GET /x',
        resources: [],
        outcome: 200,
      }),
    ]);

    const lines = csv.split('\r\n');
    expect(lines[1]).toBe('1,2026-01-10T12:00:00.000Z,,GET /x,,401');
    expect(lines[2]).toBe(`2,2026-01-10T12:00:01.000Z,"'=HYPERLINK(""x"")",GET /x,,200`);
  });
});
