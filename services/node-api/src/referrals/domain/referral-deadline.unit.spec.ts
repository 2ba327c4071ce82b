import { REFERRAL_STATUSES, ReferralState } from '@enlace/protocols';
import { AWAITING_ANSWER_STATUSES, isAnswerOverdue } from './referral-deadline';

const DUE = '2025-03-21T09:30:00.000Z';

function state(overrides: Partial<ReferralState>): ReferralState {
  return {
    referralId: '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10',
    side: 'sender',
    fromCountry: 'CO',
    toCountry: 'EC',
    status: 'delivered',
    answerDueAt: DUE,
    lastChangedAt: '2025-03-14T09:30:00.000Z',
    ...overrides,
  };
}

describe('isAnswerOverdue', () => {
  it.each(AWAITING_ANSWER_STATUSES)('should be overdue from the due time on while %s', (status) => {
    expect(isAnswerOverdue(state({ status }), new Date('2025-03-21T09:29:59.999Z'))).toBe(false);
    expect(isAnswerOverdue(state({ status }), new Date(DUE))).toBe(true);
  });

  it.each(REFERRAL_STATUSES.filter((status) => !AWAITING_ANSWER_STATUSES.includes(status)))(
    'should never be overdue while %s: nothing waits on the answer',
    (status) => {
      expect(isAnswerOverdue(state({ status }), new Date('2030-01-01T00:00:00Z'))).toBe(false);
    },
  );

  it('should not be overdue without a due time', () => {
    expect(isAnswerOverdue(state({ status: 'sent', answerDueAt: undefined }), new Date())).toBe(false);
  });

  it('should compare instants, not their spelling', () => {
    expect(isAnswerOverdue(state({ answerDueAt: '2025-03-21T11:30:00+02:00' }), new Date(DUE))).toBe(true);
  });
});
