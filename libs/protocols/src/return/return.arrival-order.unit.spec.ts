import { historyOf, returnEvents as e } from '../testing/return.fixtures';
import { returnEventComesEarly } from './return.arrival-order';
import { ReturnEvent } from './return.events';
import { evolveReturn } from './return.evolve';
import { ReturnState, ReturnStatus } from './return.state';

// The receiver's replica hears the sender's steps and the sender's replica the receiver's.
const stateOf = (status: ReturnStatus, side: 'sender' | 'receiver'): ReturnState =>
  historyOf(status, side).reduce<ReturnState | undefined>(evolveReturn, undefined) as ReturnState;

describe('returnEventComesEarly', () => {
  it.each<[ReturnStatus, 'sender' | 'receiver', ReturnEvent, string]>([
    ['requested', 'sender', e.safe(), 'the risk assessment before the nationality'],
    ['risk-assessed', 'receiver', e.planConfirmed(), 'the plan confirmed before it was proposed here'],
    ['plan-confirmed', 'receiver', e.travelScheduled(), 'travel scheduled before the documents'],
    ['documents-issued', 'receiver', e.departed(), 'the departure before the travel schedule'],
    ['no-show', 'receiver', e.departed(), 'the departure before the new travel schedule'],
    ['travel-scheduled', 'sender', e.handedOver(), 'the hand-over before the arrival'],
    ['suspended', 'receiver', e.departed(), 'a step two ahead of where the suspended return resumes'],
    ['plan-confirmed', 'sender', e.resumed('receiver'), 'a resumption before its own suspension'],
  ])('should say that at %s (%s), %s waits (%s)', (status, side, event) => {
    expect(returnEventComesEarly(stateOf(status, side), event)).toBe(true);
  });

  it.each<[ReturnStatus, 'sender' | 'receiver', ReturnEvent, string]>([
    ['departed', 'sender', e.suspended('receiver'), 'a suspension crossing the departure'],
    ['cancelled', 'sender', e.planProposed(), 'a step after the person cancelled'],
    ['consent-withdrawn', 'receiver', e.arrived(), 'a step after the consent was withdrawn'],
    ['plan-confirmed', 'sender', e.planProposed(), 'a step behind the return'],
    ['arrived', 'sender', e.resumed('receiver'), 'a resumption once the person left'],
    ['requested', 'sender', e.nationalityConfirmed(), 'the next step in its turn'],
  ])('should say that at %s (%s), %s waits for nothing (%s)', (status, side, event) => {
    expect(returnEventComesEarly(stateOf(status, side), event)).toBe(false);
  });

  it('should make a waiting step apply once the step before it arrived', () => {
    const early = e.safe();
    const requested = stateOf('requested', 'sender');
    expect(returnEventComesEarly(requested, early)).toBe(true);
    const verified = evolveReturn(requested, e.nationalityConfirmed());
    expect(returnEventComesEarly(verified, early)).toBe(false);
    expect(evolveReturn(verified, early).status).toBe('risk-assessed');
  });
});
