import { ProblemException } from '@enlace/http';
import { AuditRecordQueryPipe } from './audit-record-query.pipe';
import { auditRecordDigest, encodeAuditRecordCursor } from './persistence/audit-record-cursor';

describe('AuditRecordQueryPipe', () => {
  const pipe = new AuditRecordQueryPipe();
  const problem = (query: Record<string, unknown>): { status: number; field?: string } => {
    try {
      pipe.transform(query);
    } catch (error) {
      const { problem: refusal } = error as ProblemException;
      return { status: refusal.status, ...(refusal.errors?.[0] && { field: refusal.errors[0].field }) };
    }
    throw new Error('no problem raised');
  };

  it('should read no parameter as the newest 50 records', () => {
    expect(pipe.transform({})).toEqual({ sort: 'newest', limit: 50 });
  });

  it('should read the filters, the sort and a cursor made for them', () => {
    const filter = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z'), user: 'co.auditor' };
    const cursor = encodeAuditRecordCursor('sequence', auditRecordDigest(filter), 42);
    expect(
      pipe.transform({
        from: '2026-01-01T00:00:00Z',
        to: '2026-02-01T00:00:00Z',
        user: 'co.auditor',
        sort: 'sequence',
        limit: '10',
        cursor,
      }),
    ).toEqual({ ...filter, sort: 'sequence', limit: 10, afterSeq: 42 });
  });

  it('should refuse a cursor of other filters or another sort, naming it', () => {
    const cursor = encodeAuditRecordCursor('newest', auditRecordDigest({ user: 'co.auditor' }), 42);
    expect(problem({ user: 'co.supervisor', cursor })).toEqual({ status: 400, field: 'cursor' });
    expect(problem({ user: 'co.auditor', sort: 'sequence', cursor })).toEqual({ status: 400, field: 'cursor' });
    expect(problem({ cursor: 'bm90LWpzb24' })).toEqual({ status: 400, field: 'cursor' });
    const forged = (p: unknown) =>
      Buffer.from(JSON.stringify({ v: 2, s: 'newest', f: auditRecordDigest({}), p })).toString('base64url');
    expect(problem({ cursor: forged({ seq: '1 or 1=1' }) })).toEqual({ status: 400, field: 'cursor' });
    expect(problem({ cursor: forged({ seq: 0 }) })).toEqual({ status: 400, field: 'cursor' });
    expect(pipe.transform({ cursor: forged({ seq: 7 }) })).toEqual({ sort: 'newest', limit: 50, afterSeq: 7 });
  });

  it('should refuse bad parameters with 400 naming them, and a backwards range with 422', () => {
    expect(problem({ from: 'yesterday' })).toEqual({ status: 400, field: 'from' });
    expect(problem({ sort: 'oldest' })).toEqual({ status: 400, field: 'sort' });
    expect(problem({ limit: '201' })).toEqual({ status: 400, field: 'limit' });
    expect(problem({ user: ['a', 'b'] })).toEqual({ status: 400, field: 'user' });
    expect(problem({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual({ status: 422, field: 'to' });
  });
});
