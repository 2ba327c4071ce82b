import type { ReferralSummary } from '../api/node-api.types';
import { dueFirst, waitsOnUs } from './due-first';

const referral = (id: string, over: Partial<ReferralSummary>): ReferralSummary => ({
  id,
  direction: 'incoming',
  fromCountry: 'CO',
  toCountry: 'EC',
  status: 'delivered',
  reason: 'AdditionalServicesRequired',
  servicesRequested: ['Health'],
  urgency: 'medium',
  createdAt: '2025-03-01T00:00:00Z',
  updatedAt: '2025-03-01T00:00:00Z',
  overdue: false,
  ...over,
});

describe('waitsOnUs', () => {
  it('should say an incoming referral to answer and an outgoing question to answer wait on us', () => {
    expect(waitsOnUs({ direction: 'incoming', status: 'delivered' })).toBe(true);
    expect(waitsOnUs({ direction: 'outgoing', status: 'info-requested' })).toBe(true);
    expect(waitsOnUs({ direction: 'outgoing', status: 'delivered' })).toBe(false);
    expect(waitsOnUs({ direction: 'incoming', status: 'closed' })).toBe(false);
  });
});

describe('dueFirst', () => {
  it('should put work waiting on us first, overdue first, then the nearest due time, then the latest change', () => {
    const sorted = dueFirst([
      referral('theirs', { direction: 'outgoing', answerDueAt: '2025-03-02T00:00:00Z' }),
      referral('later', { answerDueAt: '2025-03-09T00:00:00Z' }),
      referral('closed-new', { status: 'closed', updatedAt: '2025-03-05T00:00:00Z' }),
      referral('overdue', { answerDueAt: '2025-03-10T00:00:00Z', overdue: true }),
      referral('sooner', { answerDueAt: '2025-03-08T00:00:00Z' }),
      referral('closed-old', { status: 'closed', updatedAt: '2025-03-04T00:00:00Z' }),
    ]);
    expect(sorted.map((r) => r.id)).toEqual(['overdue', 'sooner', 'later', 'theirs', 'closed-new', 'closed-old']);
  });
});
