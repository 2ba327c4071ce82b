import {
  FIRST_FOLLOW_UP_DUE_AT,
  PLAN_DUE_AT,
  historyOf,
  reintegrationEvents as e,
} from '../testing/reintegration.fixtures';
import { isReintegrationOverdue, reintegrationDueAt } from './reintegration.deadlines';
import { ReintegrationEvent } from './reintegration.events';
import { evolveReintegration } from './reintegration.evolve';
import { ReintegrationState, ReintegrationStatus } from './reintegration.state';

const stateOf = (history: ReintegrationEvent[]): ReintegrationState =>
  history.reduce<ReintegrationState | undefined>(evolveReintegration, undefined) as ReintegrationState;
const replica = (status: ReintegrationStatus): ReintegrationState => stateOf(historyOf(status, 'receiver'));

const FAR_FUTURE = '2030-01-01T00:00:00.000Z';

describe('reintegrationDueAt', () => {
  it('should give the due time of the plan while it is pending', () => {
    expect(reintegrationDueAt(replica('plan-pending'))).toBe(PLAN_DUE_AT);
  });

  it('should give the due time of the next follow-up while monitoring', () => {
    expect(reintegrationDueAt(replica('monitoring'))).toBe(FIRST_FOLLOW_UP_DUE_AT);
  });

  it.each(['plan-agreed', 'in-implementation', 'risk-review', 'closed', 're-referred', 'consent-withdrawn'] as const)(
    'should give no due time once %s',
    (status) => {
      expect(reintegrationDueAt(replica(status))).toBeUndefined();
    },
  );
});

describe('isReintegrationOverdue', () => {
  it('should hold a pending plan overdue only past its due time', () => {
    const pending = replica('plan-pending');

    expect(isReintegrationOverdue(pending, '2025-06-20T17:59:59.999Z')).toBe(false);
    expect(isReintegrationOverdue(pending, PLAN_DUE_AT)).toBe(false);
    expect(isReintegrationOverdue(pending, '2025-06-20T18:00:00.001Z')).toBe(true);
  });

  it('should compare instants, not strings, across time zones', () => {
    // 19:30 at UTC+02:00 is 17:30Z, half an hour before the plan is due.
    expect(isReintegrationOverdue(replica('plan-pending'), '2025-06-20T19:30:00+02:00')).toBe(false);
  });

  it('should hold monitoring overdue past the next follow-up, and no longer once the report arrives', () => {
    const afterDue = '2025-08-01T00:00:00.000Z';

    expect(isReintegrationOverdue(replica('monitoring'), afterDue)).toBe(true);
    expect(isReintegrationOverdue(stateOf([...historyOf('monitoring', 'receiver'), e.followUp(1)]), afterDue)).toBe(
      false,
    );
  });

  it.each(['plan-agreed', 'in-implementation', 'risk-review', 'closed', 're-referred', 'consent-withdrawn'] as const)(
    'should never hold a reintegration that is %s overdue',
    (status) => {
      expect(isReintegrationOverdue(replica(status), FAR_FUTURE)).toBe(false);
    },
  );

  it('should not call overdue at an instant nobody can read', () => {
    expect(isReintegrationOverdue(replica('plan-pending'), 'later')).toBe(false);
  });
});
