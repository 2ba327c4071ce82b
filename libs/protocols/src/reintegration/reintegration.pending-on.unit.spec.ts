import { historyOf } from '../testing/reintegration.fixtures';
import { evolveReintegration } from './reintegration.evolve';
import { reintegrationPendingOn } from './reintegration.pending-on';
import { REINTEGRATION_SIDES, ReintegrationState } from './reintegration.state';

describe('reintegrationPendingOn', () => {
  const cases = REINTEGRATION_SIDES.flatMap((side) =>
    (
      [
        ['plan-pending', 'receiver'],
        ['plan-agreed', 'receiver'],
        ['in-implementation', 'receiver'],
        ['monitoring', 'receiver'],
        ['risk-review', 'receiver'],
        ['closed', undefined],
        ['re-referred', undefined],
        ['consent-withdrawn', undefined],
      ] as const
    ).map(([status, pending]) => [side, status, pending] as const),
  );

  it.each(cases)('should say on the %s replica that a reintegration %s waits on %p', (side, status, pending) => {
    const state = historyOf(status, side).reduce<ReintegrationState | undefined>(
      evolveReintegration,
      undefined,
    ) as ReintegrationState;

    expect(reintegrationPendingOn(state)).toBe(pending);
  });
});
