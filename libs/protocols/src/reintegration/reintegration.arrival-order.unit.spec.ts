import { historyOf, reintegrationEvents as e } from '../testing/reintegration.fixtures';
import { reintegrationEventComesEarly } from './reintegration.arrival-order';
import { ReintegrationEvent } from './reintegration.events';
import { evolveReintegration } from './reintegration.evolve';
import { ReintegrationState, ReintegrationStatus } from './reintegration.state';

// The sender's replica hears the receiver's steps.
const stateOf = (status: ReintegrationStatus): ReintegrationState =>
  historyOf(status, 'sender').reduce<ReintegrationState | undefined>(
    evolveReintegration,
    undefined,
  ) as ReintegrationState;

describe('reintegrationEventComesEarly', () => {
  it.each<[ReintegrationStatus, ReintegrationEvent, string]>([
    ['plan-pending', e.implementationStarted(), 'the implementation before the plan'],
    ['plan-agreed', e.monitoringStarted(), 'the monitoring before the implementation'],
    ['monitoring', e.followUp(2), 'the second follow-up before the first'],
    ['in-implementation', e.followUp(1), 'a follow-up before the monitoring'],
    ['monitoring', e.riskContinued(), 'a resolution before the report that opened the review'],
    ['risk-review', e.closed(), 'the closure before the resolution of the risk review'],
    ['plan-pending', e.closed(), 'the closure before the plan'],
  ])('should say that at %s, %s waits (%s)', (status, event) => {
    expect(reintegrationEventComesEarly(stateOf(status), event)).toBe(true);
  });

  it.each<[ReintegrationStatus, ReintegrationEvent, string]>([
    ['consent-withdrawn', e.monitoringStarted(), 'a step crossing the withdrawal of consent'],
    ['closed', e.followUp(2), 'a report after the closure'],
    ['monitoring', e.implementationStarted(), 'a step behind the reintegration'],
    ['plan-pending', e.planAgreed(), 'the next step in its turn'],
  ])('should say that at %s, %s waits for nothing (%s)', (status, event) => {
    expect(reintegrationEventComesEarly(stateOf(status), event)).toBe(false);
  });
});
