import { historyOf, returnEvents as e, ReturnKind } from '../testing/return.fixtures';
import { ReturnEvent } from './return.events';
import { evolveReturn } from './return.evolve';
import { returnPendingOn } from './return.pending-on';
import { ReturnSide, ReturnState, ReturnStatus } from './return.state';

const stateOf = (events: ReturnEvent[]): ReturnState =>
  events.reduce<ReturnState | undefined>(evolveReturn, undefined) as ReturnState;

describe('returnPendingOn', () => {
  it.each<[ReturnStatus, ReturnSide | undefined]>([
    ['requested', 'receiver'],
    ['nationality-verified', 'sender'],
    ['risk-assessed', 'receiver'],
    ['plan-proposed', 'sender'],
    ['plan-confirmed', 'receiver'],
    ['documents-issued', 'sender'],
    ['travel-scheduled', 'sender'],
    ['no-show', 'sender'],
    ['departed', 'receiver'],
    ['arrived', 'receiver'],
    ['suspended', 'sender'],
    ['nationality-not-confirmed', undefined],
    ['not-safe', undefined],
    ['handed-over', undefined],
    ['cancelled', undefined],
    ['consent-withdrawn', undefined],
  ])("should wait, when an adult's return is %s, on the %s", (status, side) => {
    expect(returnPendingOn(stateOf(historyOf(status, 'sender')))).toBe(side);
    expect(returnPendingOn(stateOf(historyOf(status, 'receiver')))).toBe(side);
  });

  it.each<[string, ReturnEvent[], ReturnSide]>([
    ['no safeguard is met', [], 'sender'],
    ['the guardian is appointed', [e.guardianAppointed()], 'sender'],
    ['the family is assessed', [e.familySuitable()], 'sender'],
    ['the sender met its safeguards', [e.guardianAppointed(), e.bestInterestsInFavour()], 'receiver'],
    ['every safeguard is met', [e.guardianAppointed(), e.bestInterestsInFavour(), e.familySuitable()], 'receiver'],
  ])("should wait on the owner of the first missing safeguard of a child's return when %s", (_case, met, side) => {
    expect(returnPendingOn(stateOf([...historyOf('risk-assessed', 'sender', 'child'), ...met]))).toBe(side);
  });

  it('should wait on the end that holds a suspension', () => {
    const kind: ReturnKind = 'adult';
    expect(returnPendingOn(stateOf([...historyOf('plan-confirmed', 'sender', kind), e.suspended('receiver')]))).toBe(
      'receiver',
    );
  });

  it("should wait on nobody once a child's return is barred", () => {
    expect(returnPendingOn(stateOf(historyOf('barred', 'sender', 'child')))).toBeUndefined();
  });
});
