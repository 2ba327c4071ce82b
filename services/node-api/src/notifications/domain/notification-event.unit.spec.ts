import { eventOfDeadline, eventOfMessage } from './notification-event';

describe('eventOfMessage', () => {
  it.each([
    ['referral.requested.v1', 'incoming'],
    ['return.requested.v1', 'incoming'],
    ['reintegration.opened.v1', 'incoming'],
    ['referral.accepted.v1', 'answer'],
    ['return.reception-plan-proposed.v1', 'answer'],
    ['consent.erasure-confirmed.v1', 'answer'],
  ])('should take %s for %s', (type, event) => {
    expect(eventOfMessage(type)).toBe(event);
  });

  it('should tell no one of a delivery receipt', () => {
    expect(eventOfMessage('receipt.delivered.v1')).toBeUndefined();
  });
});

describe('eventOfDeadline', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  const hour = 3_600_000;

  it('should call a step past its due time overdue', () => {
    expect(eventOfDeadline(new Date(now.getTime() - 1), now, 24 * hour)).toBe('overdue');
  });

  it('should call a step due within the window due soon, and a later one nothing yet', () => {
    expect(eventOfDeadline(new Date(now.getTime() + 23 * hour), now, 24 * hour)).toBe('due-soon');
    expect(eventOfDeadline(new Date(now.getTime() + 25 * hour), now, 24 * hour)).toBeUndefined();
  });
});
