import { referralEvents as e, historyOf } from '../testing/referral.fixtures';
import { eventsForCounterpart } from './referral.counterpart';
import { evolve } from './referral.evolve';
import { ReferralSide, ReferralState, ReferralStatus } from './referral.state';

const stateOf = (status: ReferralStatus, side: ReferralSide): ReferralState =>
  historyOf(status, side).reduce<ReferralState | undefined>(evolve, undefined) as ReferralState;

describe('eventsForCounterpart', () => {
  it('should keep the draft at the sender', () => {
    expect(eventsForCounterpart(undefined, [e.drafted()], 'sender')).toEqual([]);
  });

  it('should share the sending, which the receiver takes as the referral', () => {
    expect(eventsForCounterpart(stateOf('draft', 'sender'), [e.sent()], 'sender')).toEqual([e.sent()]);
  });

  it('should keep a consent withdrawn before the sending at the sender: nothing left the node', () => {
    expect(eventsForCounterpart(stateOf('draft', 'sender'), [e.consentWithdrawn()], 'sender')).toEqual([]);
  });

  it('should keep the delivery at each end: the receipt carries it back', () => {
    expect(eventsForCounterpart(stateOf('sent', 'sender'), [e.delivered()], 'sender')).toEqual([]);
    expect(eventsForCounterpart(undefined, [e.sent(), e.delivered()], 'receiver')).toEqual([]);
  });

  it.each([e.informationProvided(), e.withdrawn(), e.consentWithdrawn(), e.expired()])(
    "should share the sender's $type",
    (event) => {
      expect(eventsForCounterpart(stateOf('info-requested', 'sender'), [event], 'sender')).toEqual([event]);
    },
  );

  it.each([e.accepted(), e.declined(), e.informationRequested(), e.consentWithdrawn(), e.serviceStarted(), e.closed()])(
    "should share the receiver's $type",
    (event) => {
      expect(eventsForCounterpart(stateOf('delivered', 'receiver'), [event], 'receiver')).toEqual([event]);
    },
  );
});
