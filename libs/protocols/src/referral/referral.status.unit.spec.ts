import { REFERRAL_STATUSES } from './referral.state';
import { isOpen, isTerminal } from './referral.status';

describe('isOpen', () => {
  it.each(['draft', 'sent', 'delivered', 'info-requested', 'accepted', 'in-service'] as const)(
    'should hold the referral open while it is %s',
    (status) => {
      expect(isOpen(status)).toBe(true);
      expect(isTerminal(status)).toBe(false);
    },
  );
});

describe('isTerminal', () => {
  it.each(['declined', 'withdrawn', 'consent-withdrawn', 'expired', 'closed'] as const)(
    'should hold the referral ended once it is %s',
    (status) => {
      expect(isTerminal(status)).toBe(true);
      expect(isOpen(status)).toBe(false);
    },
  );

  it('should class every status as exactly one of open or terminal', () => {
    expect(REFERRAL_STATUSES.filter((status) => isOpen(status) === isTerminal(status))).toEqual([]);
  });
});
