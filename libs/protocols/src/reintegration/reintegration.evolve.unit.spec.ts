import { OrphanProtocolEvent } from '../shared/orphan-protocol-event.error';
import {
  AGREED_AT,
  CONSENT,
  FIRST_FOLLOW_UP_DUE_AT,
  FROM_COUNTRY,
  IMPLEMENTATION_AT,
  LATE_AGREED_AT,
  MONITORING_AT,
  OPENED_AT,
  ARRIVED_AT,
  INTERVAL_DAYS,
  PLAN_DUE_AT,
  PLANNED_END_DATE,
  PLAN_ID,
  RECEIVED_AT,
  RE_REFERRAL_REASON,
  STATUSES_BY_SIDE,
  STEP_AT,
  TO_COUNTRY,
  historyOf,
  reintegrationEvents as e,
} from '../testing/reintegration.fixtures';
import { ReintegrationEvent } from './reintegration.events';
import { evolveReintegration } from './reintegration.evolve';
import { REINTEGRATION_SIDES, REINTEGRATION_STATUSES, ReintegrationState } from './reintegration.state';

// given(history).when(event).then(expected state fields): the evolve half of given/when/then.
const given = (history: ReintegrationEvent[]) => ({
  when: (event: ReintegrationEvent) => {
    const before = history.reduce<ReintegrationState | undefined>(evolveReintegration, undefined);
    const after = evolveReintegration(before, event);
    return {
      then: (expected: Partial<ReintegrationState>) => expect(after).toMatchObject(expected),
      thenUnchanged: () => expect(after).toBe(before),
    };
  },
});

const ALL_EVENTS: ReintegrationEvent[] = [
  e.opened(),
  e.received(),
  e.planAgreed(),
  e.implementationStarted(),
  e.monitoringStarted(),
  e.followUp(1),
  e.followUp(1, { signsOfRetrafficking: true }),
  e.riskContinued(),
  e.riskReReferred(),
  e.closed(),
  e.reReferred(),
  e.consentWithdrawn(),
];

describe('evolveReintegration', () => {
  describe('starting a replica', () => {
    it("should start the receiver's replica from the opening, with the plan pending", () => {
      given([]).when(e.opened()).then({
        planId: PLAN_ID,
        side: 'receiver',
        fromCountry: FROM_COUNTRY,
        toCountry: TO_COUNTRY,
        status: 'plan-pending',
        arrivedAt: ARRIVED_AT,
        planDueAt: PLAN_DUE_AT,
        followUpIntervalDays: INTERVAL_DAYS,
        shareWithSender: true,
        consent: CONSENT,
        openedAt: OPENED_AT,
        followUpCount: 0,
        lastChangedAt: OPENED_AT,
      });
    });

    it("should start the sender's replica from its receipt, dated at the opening", () => {
      given([])
        .when(e.received())
        .then({ side: 'sender', status: 'plan-pending', openedAt: OPENED_AT, lastChangedAt: RECEIVED_AT });
    });

    it.each(
      ALL_EVENTS.filter((event) => event.type !== 'ReintegrationOpened' && event.type !== 'ReintegrationReceived'),
    )('should refuse $type without the event that starts the replica', (event) => {
      expect(() => evolveReintegration(undefined, event)).toThrow(OrphanProtocolEvent);
    });
  });

  describe('the usual course', () => {
    it('should keep the agreed plan and whether it was late', () => {
      given(historyOf('plan-pending', 'receiver'))
        .when(e.planAgreed(true))
        .then({
          status: 'plan-agreed',
          plan: {
            supportTypes: ['Health', 'Livelihood'],
            plannedEndDate: PLANNED_END_DATE,
            agreedAt: LATE_AGREED_AT,
            agreedLate: true,
          },
        });
    });

    it('should keep a plan agreed in time as not late', () => {
      given(historyOf('plan-pending', 'sender'))
        .when(e.planAgreed())
        .then({ plan: expect.objectContaining({ agreedAt: AGREED_AT, agreedLate: false }) });
    });

    it('should start the implementation', () => {
      given(historyOf('plan-agreed', 'receiver'))
        .when(e.implementationStarted())
        .then({ status: 'in-implementation', implementationStartedAt: IMPLEMENTATION_AT });
    });

    it('should start monitoring with the first follow-up due', () => {
      given(historyOf('in-implementation', 'receiver')).when(e.monitoringStarted()).then({
        status: 'monitoring',
        monitoringStartedAt: MONITORING_AT,
        nextFollowUpDueAt: FIRST_FOLLOW_UP_DUE_AT,
        followUpCount: 0,
      });
    });

    it('should keep the reason of a closing, with no follow-up due any more', () => {
      const closed = historyOf('closed', 'receiver').reduce<ReintegrationState | undefined>(
        evolveReintegration,
        undefined,
      );

      expect(closed).toMatchObject({ status: 'closed', closure: { reason: 'support-ended', at: STEP_AT } });
      expect(closed?.nextFollowUpDueAt).toBeUndefined();
    });

    it('should keep the reason of a re-referral', () => {
      given(historyOf('monitoring', 'sender'))
        .when(e.reReferred())
        .then({ status: 're-referred', reReferral: { reason: RE_REFERRAL_REASON, at: STEP_AT } });
    });

    it('should end with consent withdrawn and no follow-up due', () => {
      const withdrawn = evolveReintegration(
        historyOf('monitoring', 'receiver').reduce<ReintegrationState | undefined>(evolveReintegration, undefined),
        e.consentWithdrawn(),
      );

      expect(withdrawn).toMatchObject({ status: 'consent-withdrawn', consentWithdrawnAt: STEP_AT });
      expect(withdrawn.nextFollowUpDueAt).toBeUndefined();
    });
  });

  describe('messages that arrive late, twice or out of turn', () => {
    it.each([
      ['a second opening', 'plan-agreed', e.opened()],
      ['a second receipt', 'plan-pending', e.received()],
      ['a second agreement', 'plan-agreed', e.planAgreed(true)],
      ['a second start of the implementation', 'in-implementation', e.implementationStarted()],
      ['a second start of monitoring', 'monitoring', e.monitoringStarted()],
      ['monitoring before the implementation', 'plan-agreed', e.monitoringStarted()],
      ['a follow-up before monitoring', 'in-implementation', e.followUp(1)],
      ['a follow-up during the risk review', 'risk-review', e.followUp(2)],
      ['a follow-up that overtook the one before it', 'monitoring', e.followUp(2)],
      ['a risk review resolved without one open', 'monitoring', e.riskContinued()],
      ['a closing of a pending plan', 'plan-pending', e.closed()],
      ['a closing during the risk review', 'risk-review', e.closed()],
      ['a re-referral of an agreed plan not yet implemented', 'plan-agreed', e.reReferred()],
      ['a step after the closing', 'closed', e.followUp(1)],
      ['a re-referral after the closing', 'closed', e.reReferred()],
      ['a closing after the re-referral', 're-referred', e.closed()],
      ['a step after consent was withdrawn', 'consent-withdrawn', e.planAgreed()],
      ['a second withdrawal of consent', 'consent-withdrawn', e.consentWithdrawn()],
    ] as const)('should ignore %s (%s)', (_case, status, event) => {
      given(historyOf(status, 'sender')).when(event).thenUnchanged();
      given(historyOf(status, 'receiver')).when(event).thenUnchanged();
    });

    it('should ignore a follow-up report delivered twice', () => {
      given([...historyOf('monitoring', 'sender'), e.followUp(1)])
        .when(e.followUp(1))
        .thenUnchanged();
    });
  });

  describe('decisions that crossed on the way', () => {
    it.each(['closed', 're-referred'] as const)(
      "should let the sender's withdrawal of consent prevail over a reintegration the receiver already %s",
      (status) => {
        given(historyOf(status, 'receiver')).when(e.consentWithdrawn()).then({ status: 'consent-withdrawn' });
      },
    );
  });

  describe('totality and purity', () => {
    const cases = REINTEGRATION_SIDES.flatMap((side) =>
      STATUSES_BY_SIDE[side].flatMap((status) => ALL_EVENTS.map((event) => [side, status, event.type, event] as const)),
    );

    it.each(cases)('should give the %s replica that is %s a known status after %s', (side, status, _type, event) => {
      const before = historyOf(status, side).reduce<ReintegrationState | undefined>(
        evolveReintegration,
        undefined,
      ) as ReintegrationState;
      const frozen = Object.freeze({ ...before });

      const after = evolveReintegration(frozen, event);

      expect(REINTEGRATION_STATUSES).toContain(after.status);
      expect(frozen).toEqual(before);
      expect(after.side).toBe(side);
      expect(after.planId).toBe(PLAN_ID);
    });

    it.each(REINTEGRATION_STATUSES)('should bring both ends to the same facts once %s', (status) => {
      const {
        side: _s,
        lastChangedAt: _l,
        ...receiver
      } = historyOf(status, 'receiver').reduce<ReintegrationState | undefined>(
        evolveReintegration,
        undefined,
      ) as ReintegrationState;
      const {
        side: _s2,
        lastChangedAt: _l2,
        ...sender
      } = historyOf(status, 'sender').reduce<ReintegrationState | undefined>(
        evolveReintegration,
        undefined,
      ) as ReintegrationState;

      expect(sender).toEqual(receiver);
    });
  });
});
