import { randomUUID } from 'node:crypto';
import { ReferralEvent, ReferralState, decideReferral, evolveReferral } from '@enlace/protocols';
import type { TimelineEntry } from '../../cases/domain/case-content';
import type { ReferralCase } from '../application/referrals.service';
import { toReferralSummary, toReferralView } from './referral.view';

const SENT_AT = '2025-03-14T09:30:00.000Z';
const DELIVERED_AT = '2025-03-14T09:30:02.000Z';
const DUE = '2025-03-21T09:30:00.000Z';
const BEFORE_DUE = new Date('2025-03-21T09:29:59.999Z');
const AT_DUE = new Date(DUE);
const CREATED = new Date('2025-03-14T09:30:02.500Z');
const UPDATED = new Date('2025-03-14T11:00:00.000Z');

const evolveAll = (state: ReferralState | undefined, events: readonly ReferralEvent[]): ReferralState => {
  const next = events.reduce<ReferralState | undefined>(evolveReferral, state);
  if (!next) throw new Error('no events');
  return next;
};

function incomingDelivered(referralId: string): ReferralState {
  return evolveAll(
    undefined,
    decideReferral(
      undefined,
      {
        type: 'ReceiveReferral',
        data: { referralId, fromCountry: 'CO', toCountry: 'EC', answerDueAt: DUE, sentAt: SENT_AT, at: DELIVERED_AT },
      },
      'receiver',
    ),
  );
}

function outgoingDelivered(referralId: string): ReferralState {
  const consent = { purpose: 'Referral for assistance', recordedAt: SENT_AT };
  let state = evolveAll(
    undefined,
    decideReferral(
      undefined,
      { type: 'DraftReferral', data: { referralId, fromCountry: 'CO', toCountry: 'EC', consent, at: SENT_AT } },
      'sender',
    ),
  );
  state = evolveAll(
    state,
    decideReferral(state, { type: 'SendReferral', data: { answerDueAt: DUE, at: SENT_AT } }, 'sender'),
  );
  return evolveAll(
    state,
    decideReferral(state, { type: 'RecordDelivery', data: { envelopeId: randomUUID(), at: DELIVERED_AT } }, 'sender'),
  );
}

const TIMELINE: TimelineEntry[] = [
  { at: SENT_AT, event: 'ReferralSent', side: 'sender', status: 'sent' },
  { at: DELIVERED_AT, event: 'ReferralDelivered', side: 'receiver', status: 'delivered' },
];

function referralCase(direction: 'incoming' | 'outgoing', overrides: Partial<ReferralCase> = {}): ReferralCase {
  const id = randomUUID();
  return {
    _id: id,
    protocol: 'referral',
    direction,
    state: direction === 'incoming' ? incomingDelivered(id) : outgoingDelivered(id),
    details: {
      reason: 'MigrationOrChangeOfLocation',
      reasonDetails: 'Needs shelter on arrival.',
      servicesRequested: ['Health', 'SocialCare'],
      urgency: 'high',
    },
    person: { firstName: 'Ana', secondName: 'Rojas', gender: 'Feminine', nationality: 'CO' },
    consent: { purpose: 'Referral for assistance', scope: ['identity', 'health'], recordedAt: SENT_AT },
    timeline: TIMELINE,
    outbox: [],
    version: 2,
    createdAt: CREATED,
    updatedAt: UPDATED,
    ...overrides,
  };
}

describe('toReferralSummary', () => {
  describe('with a referral holding personal data', () => {
    it('should list the referral without the person, the consent or the timeline', () => {
      const referral = referralCase('incoming');

      const summary = toReferralSummary(referral, BEFORE_DUE);

      expect(summary).toEqual({
        id: referral._id,
        direction: 'incoming',
        fromCountry: 'CO',
        toCountry: 'EC',
        status: 'delivered',
        reason: 'MigrationOrChangeOfLocation',
        servicesRequested: ['Health', 'SocialCare'],
        urgency: 'high',
        createdAt: '2025-03-14T09:30:02.500Z',
        updatedAt: '2025-03-14T11:00:00.000Z',
        answerDueAt: DUE,
        overdue: false,
        ended: false,
      });
      expect(JSON.stringify(summary)).not.toContain('Ana');
      expect(JSON.stringify(summary)).not.toContain('identity');
    });
  });
});

describe('toReferralView', () => {
  describe('with an incoming delivered referral', () => {
    it('should offer the receiver’s answers, and the withdrawal of consent', () => {
      expect(toReferralView(referralCase('incoming')).allowedActions).toEqual([
        'accept',
        'decline',
        'request-information',
        'withdraw-consent',
      ]);
    });

    it('should offer the answers to a focal point only: each one answers across the border', () => {
      expect(toReferralView(referralCase('incoming'), { roles: ['case-worker'] }).allowedActions).toEqual([]);
      expect(toReferralView(referralCase('incoming'), { roles: ['supervisor'] }).allowedActions).toEqual([]);
      expect(toReferralView(referralCase('incoming'), { roles: ['focal-point'] }).allowedActions).toHaveLength(4);
    });

    it('should show the person, the consent and the reason details to this node’s user', () => {
      const referral = referralCase('incoming');

      expect(toReferralView(referral)).toMatchObject({
        person: referral.person,
        consent: referral.consent,
        reasonDetails: 'Needs shelter on arrival.',
        answerDueAt: DUE,
      });
    });
  });

  describe('with an outgoing delivered referral', () => {
    it('should offer the withdrawal to a focal point, and not the expiry the node decides itself', () => {
      expect(toReferralView(referralCase('outgoing')).allowedActions).toEqual(['withdraw', 'withdraw-consent']);
      expect(toReferralView(referralCase('outgoing'), { roles: ['focal-point'] }).allowedActions).toEqual([
        'withdraw',
        'withdraw-consent',
      ]);
      expect(toReferralView(referralCase('outgoing'), { roles: ['case-worker'] }).allowedActions).toEqual([]);
      expect(toReferralView(referralCase('outgoing'), { roles: ['auditor'] }).allowedActions).toEqual([]);
    });
  });

  describe('with the answer due time', () => {
    it('should be overdue from the due time on while the referral waits on an answer', () => {
      expect(toReferralView(referralCase('outgoing'), { now: BEFORE_DUE }).overdue).toBe(false);
      expect(toReferralView(referralCase('outgoing'), { now: AT_DUE }).overdue).toBe(true);
      expect(toReferralSummary(referralCase('incoming'), AT_DUE).overdue).toBe(true);
    });

    it('should not be overdue once answered', () => {
      const referral = referralCase('incoming');
      const state = evolveAll(
        referral.state,
        decideReferral(referral.state, { type: 'AcceptReferral', data: { at: DELIVERED_AT } }, 'receiver'),
      );

      expect(toReferralView({ ...referral, state }, { now: AT_DUE }).overdue).toBe(false);
    });
  });

  describe('with a referral along its way', () => {
    it('should show the open question and offer its answer to the sender', () => {
      const referral = referralCase('outgoing');
      const state = evolveAll(
        referral.state,
        decideReferral(
          referral.state,
          { type: 'RequestInformation', data: { question: 'Which province?', at: DELIVERED_AT } },
          'receiver',
        ),
      );

      const view = toReferralView({ ...referral, state });

      expect(view.informationRequest).toBe('Which province?');
      expect(view.allowedActions).toEqual(['provide-information', 'withdraw', 'withdraw-consent']);
    });

    it('should offer the receiver the start of the service, then the closing, and show the outcome', () => {
      const referral = referralCase('incoming');
      const accepted = evolveAll(
        referral.state,
        decideReferral(referral.state, { type: 'AcceptReferral', data: { at: DELIVERED_AT } }, 'receiver'),
      );
      const inService = evolveAll(
        accepted,
        decideReferral(accepted, { type: 'StartService', data: { at: DELIVERED_AT } }, 'receiver'),
      );
      const closed = evolveAll(
        inService,
        decideReferral(
          inService,
          { type: 'CloseReferral', data: { outcome: 'unsuccessful', reason: 'Moved away', at: DELIVERED_AT } },
          'receiver',
        ),
      );

      expect(toReferralView({ ...referral, state: accepted }).allowedActions).toEqual([
        'start-service',
        'withdraw-consent',
      ]);
      expect(toReferralView({ ...referral, state: inService }).allowedActions).toEqual(['close', 'withdraw-consent']);
      expect(toReferralView({ ...referral, state: closed })).toMatchObject({
        status: 'closed',
        outcome: { result: 'unsuccessful', reason: 'Moved away' },
        allowedActions: [],
      });
    });

    it('should show why the sender withdrew', () => {
      const referral = referralCase('incoming');
      const state = evolveAll(
        referral.state,
        decideReferral(
          referral.state,
          { type: 'WithdrawReferral', data: { reason: 'Found help locally', at: DELIVERED_AT } },
          'sender',
        ),
      );

      expect(toReferralView({ ...referral, state })).toMatchObject({
        status: 'withdrawn',
        withdrawalReason: 'Found help locally',
        allowedActions: [],
      });
    });
  });

  describe('with an incoming referral already answered', () => {
    it('should offer no action and show the decline reason', () => {
      const referral = referralCase('incoming');
      const state = evolveAll(
        referral.state,
        decideReferral(
          referral.state,
          { type: 'DeclineReferral', data: { reason: 'No capacity', at: DELIVERED_AT } },
          'receiver',
        ),
      );

      const view = toReferralView({ ...referral, state });

      expect(view.allowedActions).toEqual([]);
      expect(view.status).toBe('declined');
      expect(view.declineReason).toBe('No capacity');
    });
  });

  describe('with a timeline', () => {
    it('should keep every entry in order', () => {
      expect(toReferralView(referralCase('outgoing')).timeline).toEqual(TIMELINE);
    });
  });

  describe('with a referral whose personal data was erased', () => {
    it('should leave person and consent out', () => {
      const view = toReferralView(referralCase('incoming', { person: undefined, consent: undefined }));

      expect(view).not.toHaveProperty('person');
      expect(view).not.toHaveProperty('consent');
    });
  });
});
