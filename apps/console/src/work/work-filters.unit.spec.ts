import { NO_FILTERS, workListQuery } from './work-filters';

describe('workListQuery', () => {
  it('should ask for the open cases, nearest due first, a page at a time', () => {
    expect(workListQuery('referral', 'incoming', NO_FILTERS)).toEqual({
      direction: 'incoming',
      stage: 'open',
      sort: 'due',
      limit: 25,
    });
  });

  it('should ask for the ended cases most recently changed first, without the overdue filter', () => {
    expect(workListQuery('return', 'outgoing', { ...NO_FILTERS, stage: 'ended', overdueOnly: true })).toEqual({
      direction: 'outgoing',
      stage: 'ended',
      sort: 'updated',
      limit: 25,
    });
  });

  it('should pass the search, the country, the urgency of referrals only, and the cursor', () => {
    const filters = {
      ...NO_FILTERS,
      search: ' Ana Pérez ',
      counterpart: 'EC',
      agency: 'co-migration',
      urgency: 'high' as const,
      overdueOnly: true,
    };

    expect(workListQuery('referral', 'outgoing', filters, 'abc')).toEqual({
      direction: 'outgoing',
      stage: 'open',
      sort: 'due',
      limit: 25,
      q: 'Ana Pérez',
      counterpart: 'EC',
      agency: 'co-migration',
      urgency: 'high',
      overdue: true,
      cursor: 'abc',
    });
    expect(workListQuery('reintegration', 'incoming', filters)).not.toHaveProperty('urgency');
  });

  it('should not search on a single character', () => {
    expect(workListQuery('referral', 'incoming', { ...NO_FILTERS, search: 'a' })).not.toHaveProperty('q');
  });
});
