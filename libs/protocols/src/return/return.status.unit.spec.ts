import { RETURN_STATUSES } from './return.state';
import { RETURN_BEFORE_DEPARTURE_STATUSES, isReturnOpen, isReturnTerminal } from './return.status';

describe('isReturnOpen', () => {
  it.each([...RETURN_BEFORE_DEPARTURE_STATUSES, 'departed', 'arrived', 'suspended'] as const)(
    'should hold the return open while it is %s',
    (status) => {
      expect(isReturnOpen(status)).toBe(true);
      expect(isReturnTerminal(status)).toBe(false);
    },
  );
});

describe('isReturnTerminal', () => {
  it.each([
    'nationality-not-confirmed',
    'not-safe',
    'barred',
    'handed-over',
    'cancelled',
    'consent-withdrawn',
  ] as const)('should hold the return ended once it is %s', (status) => {
    expect(isReturnTerminal(status)).toBe(true);
    expect(isReturnOpen(status)).toBe(false);
  });

  it('should class every status as exactly one of open or terminal', () => {
    expect(RETURN_STATUSES.filter((status) => isReturnOpen(status) === isReturnTerminal(status))).toEqual([]);
  });
});
