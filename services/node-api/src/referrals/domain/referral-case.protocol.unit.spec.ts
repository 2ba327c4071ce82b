import { MessageValidator } from '@enlace/contracts';
import { ReferralCommand, ReferralEvent, ReferralSide, ReferralState, decideReferral } from '@enlace/protocols';
import type { CaseContent } from '../../cases/domain/case-protocol';
import { REFERRAL_CASE_PROTOCOL as protocol } from './referral-case.protocol';
import type { ReferralDetails } from './referral-details';

const REFERRAL_ID = '5b1c7a9e-3f4d-4c2b-9a8e-1d2c3b4a5f60';
const SENT_AT = '2025-03-14T09:30:00.000Z';
const DUE = '2025-03-21T09:30:00.000Z';
const LATER = '2025-03-15T10:00:00.000Z';
const CONSENT = { purpose: 'Referral for assistance', recordedAt: SENT_AT };

const CONTENT: CaseContent<ReferralDetails> = {
  _id: REFERRAL_ID,
  details: {
    reason: 'MigrationOrChangeOfLocation',
    reasonDetails: 'Needs shelter on arrival.',
    servicesRequested: ['Health'],
    urgency: 'high',
  },
  person: { firstName: 'Ana' },
  consent: { purpose: 'Referral for assistance', scope: ['identity'], recordedAt: SENT_AT },
};

const DRAFT: ReferralCommand = {
  type: 'DraftReferral',
  data: { referralId: REFERRAL_ID, fromCountry: 'CO', toCountry: 'EC', consent: CONSENT, at: SENT_AT },
};
const SEND: ReferralCommand = { type: 'SendReferral', data: { answerDueAt: DUE, at: SENT_AT } };
const RECEIVE: ReferralCommand = {
  type: 'ReceiveReferral',
  data: { referralId: REFERRAL_ID, fromCountry: 'CO', toCountry: 'EC', answerDueAt: DUE, sentAt: SENT_AT, at: SENT_AT },
};
const ACCEPT: ReferralCommand = { type: 'AcceptReferral', data: { at: LATER } };

interface Replica {
  readonly state: ReferralState;
  readonly side: ReferralSide;
}

/**
 * given(side, commands).when(command): the events the protocol decides on the replica that those commands made,
 * as the case machinery records them — evolved through the adapter.
 */
const given = (side: ReferralSide, commands: readonly ReferralCommand[]) => {
  const replica: Replica = {
    side,
    state: commands.reduce<ReferralState | undefined>(
      (state, command) => decideReferral(state, command, side).reduce(protocol.evolve, state),
      undefined,
    ) as ReferralState,
  };
  return {
    state: replica.state,
    when: (command: ReferralCommand) => {
      const events = decideReferral(replica.state, command, side);
      return { events, after: events.reduce(protocol.evolve, replica.state), before: replica.state };
    },
  };
};

const sentBySender = () => given('sender', [DRAFT, SEND]);
const deliveredAtReceiver = () => given('receiver', [RECEIVE]);

describe('REFERRAL_CASE_PROTOCOL', () => {
  const validator = new MessageValidator();

  describe('shared and messageFor', () => {
    it('should send the request alone, with the details, the person, the consent and the due time', () => {
      const { events, before } = given('sender', [DRAFT]).when(SEND);

      const messages = protocol
        .shared(before, events, 'sender')
        .flatMap((event) => protocol.messageFor(event, CONTENT) ?? []);

      expect(messages).toEqual([
        {
          type: 'referral.requested.v1',
          payload: {
            referralId: REFERRAL_ID,
            ...CONTENT.details,
            person: CONTENT.person,
            consent: CONTENT.consent,
            answerDueAt: DUE,
            requestedAt: SENT_AT,
          },
        },
      ]);
      expect(() => validator.assertPayload(messages[0]?.type ?? '', messages[0]?.payload ?? {})).not.toThrow();
    });

    it('should carry the note that came with an acceptance to the sending country', () => {
      const { events } = deliveredAtReceiver().when(ACCEPT);

      const [accepted] = events.map((event) => protocol.messageFor(event, CONTENT, 'A place at the shelter.'));

      expect(accepted).toEqual({
        type: 'referral.accepted.v1',
        payload: { referralId: REFERRAL_ID, acceptedAt: LATER, note: 'A place at the shelter.' },
      });
    });

    it('should have no message for the events only this end records', () => {
      const delivered: ReferralEvent = {
        type: 'ReferralDelivered',
        data: { referralId: REFERRAL_ID, envelopeId: 'e-1', at: LATER },
      };

      expect(protocol.messageFor(delivered, CONTENT)).toBeUndefined();
    });
  });

  describe('eventFor, caseIdOf and noteOf', () => {
    it('should read the other end’s acceptance back as its event, its referral and its note', () => {
      const payload = { referralId: REFERRAL_ID, acceptedAt: LATER, note: 'A place at the shelter.' };

      expect(protocol.eventFor('referral.accepted.v1', payload)).toEqual({
        type: 'ReferralAccepted',
        data: { referralId: REFERRAL_ID, at: LATER },
      });
      expect(protocol.caseIdOf(payload)).toBe(REFERRAL_ID);
      expect(protocol.noteOf?.('referral.accepted.v1', payload)).toBe('A place at the shelter.');
      expect(protocol.eventFor('referral.unknown.v1', payload)).toBeUndefined();
    });
  });

  describe('isOutOfOrder', () => {
    it('should find the start of a service out of order on a referral not accepted yet', () => {
      const started = protocol.eventFor('referral.service-started.v1', { referralId: REFERRAL_ID, startedAt: LATER });

      expect(started && protocol.isOutOfOrder?.(sentBySender().state, started)).toBe(true);
    });

    it('should find the start of a service in order once the referral is accepted', () => {
      const accepted = protocol.eventFor('referral.accepted.v1', { referralId: REFERRAL_ID, acceptedAt: LATER });
      const started = protocol.eventFor('referral.service-started.v1', { referralId: REFERRAL_ID, startedAt: LATER });
      const acceptedState = accepted ? protocol.evolve(sentBySender().state, accepted) : undefined;

      expect(acceptedState && started && protocol.isOutOfOrder?.(acceptedState, started)).toBe(false);
    });
  });

  describe('dueAt and pendingOn', () => {
    it('should wait on the receiving country’s answer until its due time, at both ends', () => {
      for (const { state } of [sentBySender(), deliveredAtReceiver()]) {
        expect(protocol.dueAt(state)).toBe(DUE);
        expect(protocol.pendingOn(state)).toBe('receiver');
      }
    });

    it('should wait on nothing once the referral is answered', () => {
      const { after } = deliveredAtReceiver().when(ACCEPT);

      expect(protocol.dueAt(after)).toBeUndefined();
      expect(protocol.pendingOn(after)).toBeUndefined();
    });
  });

  describe('timelineDetail', () => {
    it('should note the acceptance’s note and a decline’s reason', () => {
      const { events: accepted } = deliveredAtReceiver().when(ACCEPT);
      const { events: declined } = deliveredAtReceiver().when({
        type: 'DeclineReferral',
        data: { reason: 'No capacity', at: LATER },
      });

      expect(accepted.map((event) => protocol.timelineDetail(event, 'A place at the shelter.'))).toEqual([
        'A place at the shelter.',
      ]);
      expect(declined.map((event) => protocol.timelineDetail(event))).toEqual(['No capacity']);
    });
  });

  describe('withdrawsConsent and sealedDetails', () => {
    it('should erase on the withdrawal of consent, with the free text of the request sealed with the person', () => {
      const { events } = sentBySender().when({ type: 'WithdrawConsent', data: { at: LATER } });

      expect(events.some(protocol.withdrawsConsent)).toBe(true);
      expect(protocol.sealedDetails).toEqual(['reasonDetails']);
    });
  });
});
