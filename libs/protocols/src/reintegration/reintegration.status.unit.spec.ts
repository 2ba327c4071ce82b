import { REINTEGRATION_STATUSES } from './reintegration.state';
import { isReintegrationOpen, isReintegrationTerminal, reintegrationHtcdsCaseStatus } from './reintegration.status';

describe('isReintegrationOpen', () => {
  it.each(['plan-pending', 'plan-agreed', 'in-implementation', 'monitoring', 'risk-review'] as const)(
    'should hold the reintegration open while it is %s',
    (status) => {
      expect(isReintegrationOpen(status)).toBe(true);
      expect(isReintegrationTerminal(status)).toBe(false);
    },
  );
});

describe('isReintegrationTerminal', () => {
  it.each(['closed', 're-referred', 'consent-withdrawn'] as const)(
    'should hold the reintegration ended once it is %s',
    (status) => {
      expect(isReintegrationTerminal(status)).toBe(true);
      expect(isReintegrationOpen(status)).toBe(false);
    },
  );

  it('should class every status as exactly one of open or terminal', () => {
    expect(
      REINTEGRATION_STATUSES.filter((status) => isReintegrationOpen(status) === isReintegrationTerminal(status)),
    ).toEqual([]);
  });
});

describe('reintegrationHtcdsCaseStatus', () => {
  it.each([
    ['plan-pending', 'Active'],
    ['plan-agreed', 'Active'],
    ['in-implementation', 'Active'],
    ['monitoring', 'FollowUp'],
    ['risk-review', 'FollowUp'],
    ['closed', 'Closed'],
    ['re-referred', 'ClosedReferred'],
    ['consent-withdrawn', 'Closed'],
  ] as const)('should export a reintegration that is %s as HTCDS cas_Status %s', (status, htcds) => {
    expect(reintegrationHtcdsCaseStatus(status)).toBe(htcds);
  });
});
