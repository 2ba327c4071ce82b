import { historyOf, referralEvents as e } from '../testing/referral.fixtures';
import { referralEventComesEarly } from './referral.arrival-order';
import { ReferralEvent } from './referral.events';
import { evolve } from './referral.evolve';
import { ReferralState, ReferralStatus } from './referral.state';

const stateOf = (status: ReferralStatus, side: 'sender' | 'receiver' = 'sender'): ReferralState =>
  historyOf(status, side).reduce<ReferralState | undefined>(evolve, undefined) as ReferralState;

describe('referralEventComesEarly', () => {
  it.each<[ReferralStatus, ReferralEvent, string]>([
    ['sent', e.serviceStarted(), 'the start of the service before the acceptance'],
    ['delivered', e.closed(), 'the closure before the acceptance'],
    ['accepted', e.closed(), 'the closure before the start of the service'],
  ])('should say that at %s, %s waits (%s)', (status, event) => {
    expect(referralEventComesEarly(stateOf(status), event)).toBe(true);
  });

  it.each<[ReferralStatus, ReferralEvent, string]>([
    ['withdrawn', e.accepted(), 'an acceptance crossing the withdrawal'],
    ['consent-withdrawn', e.serviceStarted(), 'a step after the consent was withdrawn'],
    ['expired', e.declined(), 'a decline after the expiry'],
    ['closed', e.consentWithdrawn(), 'the withdrawal of consent changes even a closed referral'],
    ['delivered', e.accepted(), 'the answer in its turn'],
  ])('should say that at %s, %s waits for nothing (%s)', (status, event) => {
    expect(referralEventComesEarly(stateOf(status), event)).toBe(false);
  });

  it('should make a waiting event apply once the step before it arrived', () => {
    const early = e.serviceStarted();
    expect(referralEventComesEarly(stateOf('delivered'), early)).toBe(true);
    const accepted = evolve(stateOf('delivered'), e.accepted());
    expect(referralEventComesEarly(accepted, early)).toBe(false);
    expect(evolve(accepted, early).status).toBe('in-service');
  });
});
