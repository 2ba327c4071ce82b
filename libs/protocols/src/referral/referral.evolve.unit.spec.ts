import { OrphanProtocolEvent } from '../shared/orphan-protocol-event.error';
import {
  AFTER_DUE,
  ANSWER_DUE_AT,
  BEFORE_DUE,
  CONSENT,
  DELIVERED_AT,
  DRAFTED_AT,
  FROM_COUNTRY,
  REFERRAL_ID,
  referralEvents as e,
  STATUSES_BY_SIDE,
  SENT_AT,
  TO_COUNTRY,
  historyOf,
} from '../testing/referral.fixtures';
import { ReferralEvent } from './referral.events';
import { evolve } from './referral.evolve';
import { REFERRAL_SIDES, REFERRAL_STATUSES, ReferralState, ReferralStatus } from './referral.state';

// given(history).when(event).then(expected state fields): the evolve half of given/when/then.
const given = (history: ReferralEvent[]) => ({
  when: (event: ReferralEvent) => {
    const before = history.reduce<ReferralState | undefined>(evolve, undefined);
    const after = evolve(before, event);
    return {
      then: (expected: Partial<ReferralState>) => expect(after).toMatchObject(expected),
      thenUnchanged: () => expect(after).toBe(before),
    };
  },
});

const ALL_EVENTS: ReferralEvent[] = Object.values(e).map((build) => build());

describe('evolve', () => {
  describe('starting a replica', () => {
    it('should start the sender from the draft, with its consent', () => {
      given([]).when(e.drafted()).then({
        referralId: REFERRAL_ID,
        side: 'sender',
        fromCountry: FROM_COUNTRY,
        toCountry: TO_COUNTRY,
        status: 'draft',
        consent: CONSENT,
        lastChangedAt: DRAFTED_AT,
      });
    });

    it('should start the receiver from the sending, with the due time of its answer', () => {
      given([]).when(e.sent()).then({
        referralId: REFERRAL_ID,
        side: 'receiver',
        fromCountry: FROM_COUNTRY,
        toCountry: TO_COUNTRY,
        status: 'sent',
        answerDueAt: ANSWER_DUE_AT,
        lastChangedAt: SENT_AT,
      });
    });

    it.each(ALL_EVENTS.filter((event) => event.type !== 'ReferralDrafted' && event.type !== 'ReferralSent'))(
      'should refuse $type without the event that starts the replica',
      (event) => {
        expect(() => evolve(undefined, event)).toThrow(OrphanProtocolEvent);
      },
    );
  });

  describe('the usual course', () => {
    it('should mark the sent draft with its due time', () => {
      given(historyOf('draft', 'sender')).when(e.sent()).then({ status: 'sent', answerDueAt: ANSWER_DUE_AT });
    });

    it('should mark the referral delivered when the receipt arrives', () => {
      given(historyOf('sent', 'sender')).when(e.delivered()).then({ status: 'delivered', lastChangedAt: DELIVERED_AT });
    });

    it('should accept a delivered referral', () => {
      given(historyOf('delivered', 'receiver'))
        .when(e.accepted())
        .then({ status: 'accepted', lastChangedAt: BEFORE_DUE });
    });

    it('should keep the reason of a decline', () => {
      given(historyOf('delivered', 'sender'))
        .when(e.declined())
        .then({ status: 'declined', declineReason: 'outside our mandate' });
    });

    it('should keep the open question while information is requested', () => {
      given(historyOf('delivered', 'sender'))
        .when(e.informationRequested())
        .then({ status: 'info-requested', informationRequest: 'which services are needed first?' });
    });

    it('should deliver the referral again, without the question, once the information is provided', () => {
      const state = [...historyOf('info-requested', 'receiver'), e.informationProvided()].reduce<
        ReferralState | undefined
      >(evolve, undefined);

      expect(state?.status).toBe('delivered');
      expect(state?.informationRequest).toBeUndefined();
    });

    it('should keep the reason of a withdrawal', () => {
      given(historyOf('accepted', 'receiver'))
        .when(e.withdrawn())
        .then({ status: 'withdrawn', withdrawalReason: 'person chose to stay' });
    });

    it('should end with consent withdrawn', () => {
      given(historyOf('draft', 'sender')).when(e.consentWithdrawn()).then({ status: 'consent-withdrawn' });
    });

    it('should expire an unanswered referral', () => {
      given(historyOf('info-requested', 'sender'))
        .when(e.expired())
        .then({ status: 'expired', lastChangedAt: AFTER_DUE });
    });

    it('should start the service of an accepted referral', () => {
      given(historyOf('accepted', 'sender')).when(e.serviceStarted()).then({ status: 'in-service' });
    });

    it('should close the loop with its outcome', () => {
      given(historyOf('in-service', 'sender'))
        .when({
          type: 'ReferralClosed',
          data: { referralId: REFERRAL_ID, outcome: 'unsuccessful', reason: 'person moved on', at: BEFORE_DUE },
        })
        .then({ status: 'closed', outcome: { result: 'unsuccessful', reason: 'person moved on' } });
    });
  });

  describe('messages that arrive late, twice or out of turn', () => {
    it('should apply an answer that overtook the delivery receipt', () => {
      given(historyOf('sent', 'sender')).when(e.accepted()).then({ status: 'accepted' });
    });

    it('should ignore the delivery receipt that arrives after the answer', () => {
      given([...historyOf('sent', 'sender'), e.accepted()])
        .when(e.delivered())
        .thenUnchanged();
    });

    it.each([
      ['a second draft', 'draft', e.drafted()],
      ['a second sending', 'delivered', e.sent()],
      ['a second delivery', 'delivered', e.delivered()],
      ['a second acceptance', 'accepted', e.accepted()],
      ['an answer to a question already answered', 'delivered', e.informationProvided()],
      ['a service start before acceptance', 'delivered', e.serviceStarted()],
      ['a closing before the service', 'accepted', e.closed()],
      ['an acceptance after the sender withdrew', 'withdrawn', e.accepted()],
      ['a decline after expiry', 'expired', e.declined()],
      ['a withdrawal after consent was withdrawn', 'consent-withdrawn', e.withdrawn()],
      ['a withdrawal of a draft never sent', 'draft', e.withdrawn()],
    ] as const)('should ignore %s (%s)', (_case, status, event) => {
      given(historyOf(status, 'sender')).when(event).thenUnchanged();
    });
  });

  describe('decisions that crossed on the way', () => {
    it.each(['accepted', 'in-service', 'closed', 'declined'] as const)(
      "should let the sender's withdrawal prevail over a referral the receiver already made %s",
      (status) => {
        given(historyOf(status, 'receiver')).when(e.withdrawn()).then({ status: 'withdrawn' });
      },
    );

    it.each(['accepted', 'declined', 'closed'] as const)(
      "should let the sender's expiry prevail over a referral the receiver already made %s",
      (status) => {
        given(historyOf(status, 'receiver')).when(e.expired()).then({ status: 'expired' });
      },
    );

    it.each(['withdrawn', 'expired', 'declined', 'closed'] as const)(
      'should let a withdrawal of consent prevail over a referral already %s',
      (status) => {
        given(historyOf(status, 'sender')).when(e.consentWithdrawn()).then({ status: 'consent-withdrawn' });
      },
    );
  });

  describe('totality and purity', () => {
    const cases = REFERRAL_SIDES.flatMap((side) =>
      STATUSES_BY_SIDE[side].flatMap((status) => ALL_EVENTS.map((event) => [side, status, event.type, event] as const)),
    );

    it.each(cases)('should give the %s replica that is %s a known status after %s', (side, status, _type, event) => {
      const before = historyOf(status, side).reduce<ReferralState | undefined>(evolve, undefined) as ReferralState;
      const frozen = Object.freeze({ ...before });

      const after = evolve(frozen, event);

      expect(REFERRAL_STATUSES).toContain(after.status);
      expect(frozen).toEqual(before);
      expect(after.side).toBe(side);
      expect(after.referralId).toBe(REFERRAL_ID);
    });

    it.each(STATUSES_BY_SIDE.receiver)('should bring both ends to the same facts once %s', (status: ReferralStatus) => {
      const {
        side: _s,
        consent: _c,
        lastChangedAt: _l,
        ...sender
      } = historyOf(status, 'sender').reduce<ReferralState | undefined>(evolve, undefined) as ReferralState;
      const {
        side: _s2,
        lastChangedAt: _l2,
        ...receiver
      } = historyOf(status, 'receiver').reduce<ReferralState | undefined>(evolve, undefined) as ReferralState;

      expect(receiver).toEqual(sender);
    });
  });
});
