import { ProblemException } from '@enlace/http';
import { caseListDigest, encodeCaseListCursor } from '../../cases/persistence/case-list-cursor';
import { CaseListQueryPipe } from './case-list-query.pipe';

const referrals = new CaseListQueryPipe({ direction: 'ReferralDirection', status: 'ReferralStatus', urgency: true });
const returns = new CaseListQueryPipe({ direction: 'CaseDirection', status: 'ReturnStatus' });
const now = new Date('2026-12-05T12:00:00Z');

/** The problem a query is refused with: its status and the parameter it names. */
function refusal(pipe: CaseListQueryPipe, query: Record<string, unknown>): { status: number; field?: string } {
  try {
    pipe.transform(query, undefined, now);
  } catch (error) {
    const { problem } = error as ProblemException;
    return { status: problem.status, ...(problem.errors?.[0] ? { field: problem.errors[0].field } : {}) };
  }
  throw new Error('the query was taken');
}

describe('CaseListQueryPipe', () => {
  describe('transform', () => {
    it('should give the first page of 50, most recently updated first, without parameters', () => {
      expect(referrals.transform({}, undefined, now)).toEqual({ sort: 'updated', limit: 50, now });
    });

    it('should take every filter of a referral list', () => {
      const query = referrals.transform(
        {
          direction: 'incoming',
          status: 'delivered',
          stage: 'open',
          counterpart: 'EC',
          urgency: 'high',
          overdue: 'false',
          dueBefore: '2026-12-10T00:00:00Z',
          createdFrom: '2026-01-01T00:00:00Z',
          createdTo: '2026-12-01T00:00:00Z',
          q: 'Ana Pérez',
          sort: 'due',
          limit: '200',
        },
        undefined,
        now,
      );

      expect(query).toEqual({
        direction: 'incoming',
        status: 'delivered',
        stage: 'open',
        counterpart: 'EC',
        urgency: 'high',
        overdue: false,
        dueBefore: new Date('2026-12-10T00:00:00Z'),
        createdFrom: new Date('2026-01-01T00:00:00Z'),
        createdTo: new Date('2026-12-01T00:00:00Z'),
        search: 'Ana Pérez',
        sort: 'due',
        limit: 200,
        now,
      });
    });

    it('should take back a cursor made for the same filters and sort', () => {
      const position = { key: '2026-12-05T10:11:12.123456Z', id: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10' };
      const cursor = encodeCaseListCursor('updated', caseListDigest({ stage: 'open' }, 'updated'), position);

      expect(referrals.transform({ stage: 'open', cursor }, undefined, now).after).toEqual(position);
    });

    it.each<[string, Record<string, unknown>, number, string]>([
      ['a limit over 200 (never cut silently)', { limit: '500' }, 400, 'limit'],
      ['a limit of 0', { limit: '0' }, 400, 'limit'],
      ['a limit that is not a number', { limit: '10abc' }, 400, 'limit'],
      ['a limit given twice', { limit: ['10', '20'] }, 400, 'limit'],
      ['an unknown sort', { sort: 'name' }, 400, 'sort'],
      ['an unknown status', { status: 'lost' }, 400, 'status'],
      ['an unknown stage', { stage: 'closed' }, 400, 'stage'],
      ['a counterpart that is not a country code', { counterpart: 'Ecuador' }, 400, 'counterpart'],
      ['an unknown urgency', { urgency: 'now' }, 400, 'urgency'],
      ['an overdue flag that is not true or false', { overdue: 'yes' }, 400, 'overdue'],
      ['a due date that is not an instant', { dueBefore: 'tomorrow' }, 400, 'dueBefore'],
      [
        'a date range that ends before it starts',
        { createdFrom: '2026-02-01T00:00:00Z', createdTo: '2026-01-01T00:00:00Z' },
        422,
        'createdTo',
      ],
      ['a search of one letter', { q: 'a' }, 400, 'q'],
      ['a cursor that is not ours', { cursor: 'abc' }, 400, 'cursor'],
      ['a cursor with characters outside base64url', { cursor: 'a+b/c=' }, 400, 'cursor'],
    ])('should refuse %s, naming the parameter', (_, query, status, field) => {
      expect(refusal(referrals, query)).toEqual({ status, field });
    });

    it('should refuse a cursor of the same list with other filters or another sort', () => {
      const position = { key: '2026-12-05T10:11:12.123456Z', id: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10' };
      const cursor = encodeCaseListCursor('updated', caseListDigest({ stage: 'open' }, 'updated'), position);

      expect(refusal(referrals, { stage: 'ended', cursor })).toEqual({ status: 400, field: 'cursor' });
      expect(refusal(referrals, { stage: 'open', sort: 'created', cursor })).toEqual({ status: 400, field: 'cursor' });
    });

    it("should check a return list's status against the return statuses, and leave an urgency aside", () => {
      expect(refusal(returns, { status: 'delivered' })).toEqual({ status: 400, field: 'status' });
      expect(returns.transform({ status: 'requested', urgency: 'high' }, undefined, now)).toEqual({
        status: 'requested',
        sort: 'updated',
        limit: 50,
        now,
      });
    });
  });
});
