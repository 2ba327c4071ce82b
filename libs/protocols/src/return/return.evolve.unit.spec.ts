import { OrphanProtocolEvent } from '../shared/orphan-protocol-event.error';
import {
  ANSWER_DUE_AT,
  CONSENT,
  DECIDED_AT,
  DELIVERED_AT,
  FROM_COUNTRY,
  NEXT_DUE_AT,
  REQUESTED_AT,
  RETURN_ID,
  RETURN_KINDS,
  ReturnKind,
  STATUSES_BY_KIND,
  STEP_AT,
  TO_COUNTRY,
  TRAVEL_DATE,
  historyOf,
  returnEvents as e,
} from '../testing/return.fixtures';
import { ReturnEvent } from './return.events';
import { evolveReturn } from './return.evolve';
import { RETURN_SIDES, RETURN_STATUSES, ReturnSide, ReturnState, ReturnStatus } from './return.state';

// given(history).when(event).then(expected state fields): the evolve half of given/when/then.
const given = (history: ReturnEvent[]) => ({
  when: (...events: ReturnEvent[]) => {
    const before = history.reduce<ReturnState | undefined>(evolveReturn, undefined);
    const after = events.reduce<ReturnState | undefined>(evolveReturn, before);
    return {
      // Any part of the state, to any depth.
      then: (expected: Record<string, unknown>) => expect(after).toMatchObject(expected),
      thenUnchanged: () => expect(after).toBe(before),
    };
  },
});

const stateOf = (events: ReturnEvent[]): ReturnState =>
  events.reduce<ReturnState | undefined>(evolveReturn, undefined) as ReturnState;

const ALL_EVENTS: ReturnEvent[] = [
  ...Object.values(e).map((build) => build()),
  e.requested('child'),
  e.received('child'),
  e.suspended('receiver'),
  e.resumed('receiver'),
];

describe('evolveReturn', () => {
  describe('starting a replica', () => {
    it('should start the sender from the request, with the due time of the answer', () => {
      given([]).when(e.requested('child')).then({
        returnId: RETURN_ID,
        side: 'sender',
        fromCountry: FROM_COUNTRY,
        toCountry: TO_COUNTRY,
        status: 'requested',
        isChild: true,
        unaccompanied: true,
        informedDecisionRecordedAt: DECIDED_AT,
        consent: CONSENT,
        requestedAt: REQUESTED_AT,
        dueAt: ANSWER_DUE_AT,
        lastChangedAt: REQUESTED_AT,
      });
    });

    it('should start the receiver from the received request, delivered', () => {
      given([]).when(e.received()).then({
        side: 'receiver',
        status: 'requested',
        isChild: false,
        requestedAt: REQUESTED_AT,
        deliveredAt: DELIVERED_AT,
        dueAt: ANSWER_DUE_AT,
      });
    });

    it('should keep nothing of the envelope but the delivery time', () => {
      expect(stateOf([e.received()])).not.toHaveProperty('envelopeId');
    });

    it.each(ALL_EVENTS.filter((event) => event.type !== 'ReturnRequested' && event.type !== 'ReturnRequestReceived'))(
      'should refuse $type without the event that starts the replica',
      (event) => {
        expect(() => evolveReturn(undefined, event)).toThrow(OrphanProtocolEvent);
      },
    );
  });

  describe('the usual course', () => {
    it('should record the delivery receipt at the sender once', () => {
      given([e.requested()]).when(e.delivered()).then({ status: 'requested', deliveredAt: DELIVERED_AT });
    });

    it('should keep the verified nationality and the next due time', () => {
      given(historyOf('requested', 'receiver'))
        .when(e.nationalityConfirmed())
        .then({
          status: 'nationality-verified',
          nationality: { result: 'confirmed', at: STEP_AT },
          dueAt: NEXT_DUE_AT,
        });
    });

    it('should end with the reason when the nationality is not confirmed, and no due time', () => {
      const state = stateOf([...historyOf('requested', 'sender'), e.nationalityNotConfirmed()]);

      expect(state).toMatchObject({
        status: 'nationality-not-confirmed',
        nationality: { result: 'not-confirmed', reason: 'no civil registry record' },
      });
      expect(state.dueAt).toBeUndefined();
    });

    it('should record a safe assessment, and bar the return on danger', () => {
      given(historyOf('nationality-verified', 'sender')).when(e.safe()).then({ status: 'risk-assessed' });
      given(historyOf('nationality-verified', 'sender'))
        .when(e.notSafe())
        .then({ status: 'not-safe', riskAssessment: { result: 'not-safe', reason: expect.any(String), at: STEP_AT } });
    });

    it("should record a child's safeguards without leaving risk-assessed", () => {
      given(historyOf('risk-assessed', 'sender', 'child'))
        .when(e.familySuitable(), e.guardianAppointed(), e.bestInterestsInFavour())
        .then({
          status: 'risk-assessed',
          guardianAppointedAt: STEP_AT,
          bestInterests: { result: 'in-favour', at: STEP_AT },
          familyAssessment: { result: 'suitable', at: STEP_AT },
        });
    });

    it.each([
      ['best-interests', e.bestInterestsAgainst()],
      ['family-assessment', e.familyUnsuitable()],
    ] as const)('should bar the return by the %s safeguard', (safeguard, event) => {
      given(historyOf('risk-assessed', 'receiver', 'child'))
        .when(event)
        .then({ status: 'barred', barredBy: [safeguard] });
    });

    it('should go back to risk-assessed, with the reason, when the plan is sent back', () => {
      given(historyOf('plan-proposed', 'receiver'))
        .when(e.planRejected())
        .then({ status: 'risk-assessed', receptionPlanRejectionReason: 'no shelter place for the first weeks' });
    });

    it('should keep the journey with its escort, and count no-shows', () => {
      given(historyOf('travel-scheduled', 'sender', 'child'))
        .when(e.noShow())
        .then({
          status: 'no-show',
          noShowCount: 1,
          travel: { travelDate: TRAVEL_DATE, escort: { role: 'social-worker' } },
        });
    });

    it('should schedule the journey again after a no-show', () => {
      given(historyOf('no-show', 'sender')).when(e.travelScheduled()).then({ status: 'travel-scheduled' });
    });

    it('should go from departure to arrival to hand-over', () => {
      given(historyOf('travel-scheduled', 'receiver'))
        .when(e.departed(), e.arrived(), e.handedOver())
        .then({ status: 'handed-over', departedAt: STEP_AT, arrivedAt: STEP_AT, handedOverAt: STEP_AT });
    });

    it('should suspend, keeping the status it came from, and resume there with the new due time', () => {
      const suspended = stateOf([...historyOf('documents-issued', 'sender'), e.suspended('receiver')]);

      expect(suspended).toMatchObject({
        status: 'suspended',
        suspension: { from: 'documents-issued', holds: [{ by: 'receiver', reason: 'medical treatment under way' }] },
      });
      expect(suspended.dueAt).toBeUndefined();
      expect(evolveReturn(suspended, e.resumed('receiver'))).toMatchObject({
        status: 'documents-issued',
        suspension: undefined,
        dueAt: NEXT_DUE_AT,
      });
    });

    it('should resume only once each end lifted its own hold', () => {
      const both = stateOf([...historyOf('suspended', 'sender'), e.suspended('receiver')]);

      expect(both.suspension?.holds.map((hold) => hold.by)).toEqual(['sender', 'receiver']);
      expect(evolveReturn(both, e.resumed('sender'))).toMatchObject({
        status: 'suspended',
        suspension: { from: 'plan-confirmed', holds: [{ by: 'receiver' }] },
      });
      expect([e.resumed('sender'), e.resumed('receiver')].reduce(evolveReturn, both).status).toBe('plan-confirmed');
    });

    it('should keep the reason of a cancellation by the person', () => {
      given(historyOf('suspended', 'receiver'))
        .when(e.cancelled())
        .then({ status: 'cancelled', cancellationReason: 'decided to stay', suspension: undefined });
    });

    it('should end with consent withdrawn', () => {
      given(historyOf('arrived', 'receiver')).when(e.consentWithdrawn()).then({ status: 'consent-withdrawn' });
    });
  });

  describe('messages that arrive late, twice or out of turn', () => {
    it.each([
      ['a second request', 'requested', e.requested()],
      ['a second receipt of the request', 'requested', e.received()],
      ['a second delivery receipt', 'risk-assessed', e.delivered()],
      ['a second verification', 'nationality-verified', e.nationalityConfirmed()],
      ['a safe assessment from the other end as well', 'risk-assessed', e.safe()],
      ['a plan proposed twice', 'plan-proposed', e.planProposed()],
      ['the same journey twice', 'travel-scheduled', e.travelScheduled()],
      ['a departure twice', 'departed', e.departed()],
      ['an arrival before the departure', 'travel-scheduled', e.arrived()],
      ['a hand-over before the arrival', 'departed', e.handedOver()],
      ['a resumption by an end that holds no suspension', 'suspended', e.resumed('receiver')],
      ['a resumption of a return not suspended', 'plan-confirmed', e.resumed('sender')],
      ['a second hold by the same end', 'suspended', e.suspended('sender')],
      ['a suspension after the departure', 'departed', e.suspended('receiver')],
      ['a cancellation after the departure', 'departed', e.cancelled()],
      ['a step after the hand-over', 'handed-over', e.arrived()],
      ['a step after consent was withdrawn', 'consent-withdrawn', e.arrived()],
      ['a second withdrawal of consent', 'consent-withdrawn', e.consentWithdrawn()],
      ['a cancellation after consent was withdrawn', 'consent-withdrawn', e.cancelled()],
      ['a danger reported after the journey was scheduled', 'travel-scheduled', e.notSafe()],
    ] as const)('should ignore %s (%s)', (_case, status, event) => {
      given(historyOf(status, 'sender')).when(event).thenUnchanged();
    });

    it.each([
      ['the guardian', e.guardianAppointed()],
      ['the best-interests determination', e.bestInterestsInFavour()],
      ['the family assessment', e.familySuitable()],
    ])('should ignore %s recorded twice', (_case, event) => {
      given([...historyOf('risk-assessed', 'sender', 'child'), event])
        .when(event)
        .thenUnchanged();
    });

    it('should record a delivery receipt that arrives after the answer', () => {
      given([e.requested(), e.nationalityConfirmed()])
        .when(e.delivered())
        .then({ status: 'nationality-verified', deliveredAt: DELIVERED_AT });
    });
  });

  describe('decisions that crossed on the way', () => {
    it.each(['risk-assessed', 'plan-proposed'] as const)(
      "should let the other end's danger bar a return this end already made %s",
      (status) => {
        given(historyOf(status, 'receiver')).when(e.notSafe()).then({ status: 'not-safe' });
      },
    );

    it("should let danger prevail over a child's safeguard that barred the return meanwhile", () => {
      given([...historyOf('risk-assessed', 'receiver', 'child'), e.familyUnsuitable()])
        .when(e.notSafe())
        .then({ status: 'not-safe' });
    });

    it("should add the other end's barring safeguard to the bars, in procedure order", () => {
      given([...historyOf('risk-assessed', 'receiver', 'child'), e.familyUnsuitable()])
        .when(e.bestInterestsAgainst())
        .then({ status: 'barred', barredBy: ['best-interests', 'family-assessment'] });
    });

    it.each(['nationality-not-confirmed', 'not-safe', 'barred'] as const)(
      "should let the person's cancellation prevail over a return that is %s",
      (status) => {
        given(historyOf(status, 'receiver', 'child'))
          .when(e.cancelled())
          .then({ status: 'cancelled' });
      },
    );

    it.each(['nationality-not-confirmed', 'not-safe', 'barred', 'handed-over', 'cancelled'] as const)(
      'should let a withdrawal of consent prevail over a return that is %s',
      (status) => {
        given(historyOf(status, 'sender', 'child'))
          .when(e.consentWithdrawn())
          .then({ status: 'consent-withdrawn' });
      },
    );

    it('should apply a step that crossed a suspension beneath it', () => {
      given([...historyOf('requested', 'sender'), e.suspended('sender')])
        .when(e.nationalityConfirmed())
        .then({
          status: 'suspended',
          nationality: { result: 'confirmed' },
          suspension: { from: 'nationality-verified', holds: [{ by: 'sender' }] },
        });
    });

    it("should record a child's safeguard that crossed a suspension", () => {
      given([...historyOf('risk-assessed', 'sender', 'child'), e.suspended('sender')])
        .when(e.familySuitable())
        .then({ status: 'suspended', familyAssessment: { result: 'suitable' }, suspension: { from: 'risk-assessed' } });
    });

    it.each([
      ['nationality-not-confirmed', 'requested', e.nationalityNotConfirmed()],
      ['not-safe', 'nationality-verified', e.notSafe()],
      ['barred', 'risk-assessed', e.familyUnsuitable()],
      ['departed', 'travel-scheduled', e.departed()],
    ] as const)('should let the return become %s through a suspension that crossed it', (to, from, event) => {
      given([...historyOf(from, 'receiver', 'child'), e.suspended('receiver')])
        .when(event)
        .then({ status: to, suspension: undefined });
    });

    it('should hold both suspensions that crossed, whichever arrived first', () => {
      const atSender = stateOf([
        ...historyOf('plan-confirmed', 'sender'),
        e.suspended('sender'),
        e.suspended('receiver'),
      ]);
      const atReceiver = stateOf([
        ...historyOf('plan-confirmed', 'receiver'),
        e.suspended('receiver'),
        e.suspended('sender'),
      ]);

      expect(atReceiver.suspension).toEqual(atSender.suspension);
    });
  });

  describe('totality and purity', () => {
    const cases = RETURN_KINDS.flatMap((kind) =>
      RETURN_SIDES.flatMap((side) =>
        STATUSES_BY_KIND[kind].flatMap((status) =>
          ALL_EVENTS.map((event) => [side, kind, status, event.type, event] as const),
        ),
      ),
    );

    it.each(cases)(
      'should give the %s replica of an %s return that is %s a known status after %s',
      (side: ReturnSide, kind: ReturnKind, status: ReturnStatus, _type, event) => {
        const before = stateOf(historyOf(status, side, kind));
        const frozen = Object.freeze({ ...before });

        const after = evolveReturn(frozen, event);

        expect(RETURN_STATUSES).toContain(after.status);
        expect(frozen).toEqual(before);
        expect(after.side).toBe(side);
        expect(after.returnId).toBe(RETURN_ID);
        expect(after.isChild).toBe(kind === 'child');
      },
    );

    it.each(RETURN_KINDS.flatMap((kind) => STATUSES_BY_KIND[kind].map((status) => [kind, status] as const)))(
      'should bring both ends of an %s return to the same facts once %s',
      (kind, status) => {
        const { side: _s, lastChangedAt: _l, ...sender } = stateOf(historyOf(status, 'sender', kind));
        const { side: _s2, lastChangedAt: _l2, ...receiver } = stateOf(historyOf(status, 'receiver', kind));

        expect(receiver).toEqual(sender);
      },
    );
  });
});
