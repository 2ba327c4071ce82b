import { ReferralEvent } from './referral.events';
import { evolve } from './referral.evolve';
import { ReferralState } from './referral.state';
import { isTerminal } from './referral.status';

/**
 * True when an event of the other end came before the step it follows (a copy delivered out of order): the
 * replica is still open and the event does not move it yet, so its message waits for that step. Each event of
 * the other end moves an open referral when its turn comes (evolve resolves crossings by precedence), so an open
 * replica that an event leaves as it is has not seen the step before it. A referral that has ended takes a late
 * event without a change (a crossing, such as an acceptance after the withdrawal): nothing is missing there.
 */
export function referralEventComesEarly(state: ReferralState, event: ReferralEvent): boolean {
  return !isTerminal(state.status) && evolve(state, event) === state;
}
