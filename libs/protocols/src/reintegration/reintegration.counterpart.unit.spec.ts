import { OPENED_AT, historyOf, reintegrationEvents as e } from '../testing/reintegration.fixtures';
import { reintegrationEventsForCounterpart } from './reintegration.counterpart';
import { ReintegrationEvent } from './reintegration.events';
import { evolveReintegration } from './reintegration.evolve';
import { ReintegrationSide, ReintegrationState, ReintegrationStatus } from './reintegration.state';

const stateOf = (history: ReintegrationEvent[]): ReintegrationState =>
  history.reduce<ReintegrationState | undefined>(evolveReintegration, undefined) as ReintegrationState;
const replica = (status: ReintegrationStatus, side: ReintegrationSide): ReintegrationState =>
  stateOf(historyOf(status, side));

const unshared = e.opened({ shareWithSender: false });
const expiring = e.opened({
  consent: { purpose: 'reintegration', recordedAt: '2025-05-21T08:00:00.000Z', expiresAt: '2025-07-15T00:00:00.000Z' },
});

describe('reintegrationEventsForCounterpart', () => {
  describe('from the receiver', () => {
    it('should share the opening, which the sender takes as the reintegration, where the person consented', () => {
      expect(reintegrationEventsForCounterpart(undefined, [e.opened()], 'receiver')).toEqual([e.opened()]);
    });

    it.each([
      e.planAgreed(),
      e.implementationStarted(),
      e.monitoringStarted(),
      e.followUp(1),
      e.closed(),
      e.reReferred(),
      e.consentWithdrawn(),
    ])('should share $type where the person consented', (event) => {
      expect(reintegrationEventsForCounterpart(replica('plan-pending', 'receiver'), [event], 'receiver')).toEqual([
        event,
      ]);
    });

    it('should share a sign of re-trafficking and the review that follows', () => {
      const signs = e.followUp(1, { signsOfRetrafficking: true });

      expect(reintegrationEventsForCounterpart(replica('monitoring', 'receiver'), [signs], 'receiver')).toEqual([
        signs,
      ]);
      expect(
        reintegrationEventsForCounterpart(replica('risk-review', 'receiver'), [e.riskContinued()], 'receiver'),
      ).toEqual([e.riskContinued()]);
    });

    it('should tell the sender nothing, not even the opening, without the consent to share', () => {
      expect(reintegrationEventsForCounterpart(undefined, [unshared], 'receiver')).toEqual([]);
      [e.planAgreed(), e.implementationStarted(), e.consentWithdrawn()].forEach((event) => {
        expect(reintegrationEventsForCounterpart(stateOf([unshared]), [event], 'receiver')).toEqual([]);
      });
    });

    it('should stop telling the sender once the consent expired', () => {
      const monitoring = stateOf([expiring, e.planAgreed(), e.implementationStarted(), e.monitoringStarted()]);

      expect(reintegrationEventsForCounterpart(monitoring, [e.followUp(1)], 'receiver')).toEqual([]);
    });

    it('should still tell a sender once told of the withdrawal of consent, expired or not: it must erase', () => {
      const monitoring = stateOf([expiring, e.planAgreed(), e.implementationStarted(), e.monitoringStarted()]);

      expect(reintegrationEventsForCounterpart(monitoring, [e.consentWithdrawn()], 'receiver')).toEqual([
        e.consentWithdrawn(),
      ]);
    });

    it('should share nothing after the withdrawal of consent', () => {
      expect(
        reintegrationEventsForCounterpart(replica('consent-withdrawn', 'receiver'), [e.consentWithdrawn()], 'receiver'),
      ).toEqual([]);
    });

    it('should share an opening whose consent was recorded at the very instant of the opening', () => {
      const opening = e.opened({ consent: { purpose: 'reintegration', recordedAt: OPENED_AT } });

      expect(reintegrationEventsForCounterpart(undefined, [opening], 'receiver')).toEqual([opening]);
    });
  });

  describe('from the sender', () => {
    it('should keep its own record of the arrival at home', () => {
      expect(reintegrationEventsForCounterpart(undefined, [e.received()], 'sender')).toEqual([]);
    });

    it('should share the withdrawal of consent', () => {
      expect(
        reintegrationEventsForCounterpart(replica('monitoring', 'sender'), [e.consentWithdrawn()], 'sender'),
      ).toEqual([e.consentWithdrawn()]);
    });
  });
});
