import { randomUUID } from 'node:crypto';
import { MessageValidator } from '@enlace/contracts';
import {
  ReferralCommand,
  ReferralEvent,
  ReferralSide,
  ReferralState,
  ReferralStatus,
  decideReferral,
  evolveReferral,
} from '@enlace/protocols';
import { normalisePersonInput } from '../dto/person-input.normaliser';
import { incomingEventFor, incomingNoteFor } from './referral-incoming-events';
import { ReferralContent, outgoingMessageFor } from './referral-outgoing-messages';

const validator = new MessageValidator();

const SENT_AT = '2025-03-14T09:30:00.000Z';
const DELIVERED_AT = '2025-03-14T09:30:02.000Z';
const DUE = '2025-03-21T09:30:00.000Z';
const LATER = '2025-03-15T10:00:00.000Z';
const LATEST = '2025-03-16T10:00:00.000Z';

/** Both replicas of one referral: the sender's (CO) and the receiver's (EC). */
interface Exchange {
  readonly content: ReferralContent;
  readonly sender: ReferralState;
  readonly receiver: ReferralState;
}

function referralContent(): ReferralContent {
  return {
    _id: randomUUID(),
    details: {
      reason: 'MigrationOrChangeOfLocation',
      reasonDetails: 'Needs shelter on arrival.',
      servicesRequested: ['Health', 'SocialCare'],
      urgency: 'high',
    },
    person: normalisePersonInput({
      firstName: 'Ana',
      secondName: 'Rojas',
      birthdate: '1999-04-02',
      gender: 'Female',
      nationality: 'CO',
    }),
    consent: { purpose: 'Referral for assistance in Ecuador', scope: ['identity', 'health'], recordedAt: SENT_AT },
  };
}

function evolveAll(state: ReferralState | undefined, events: readonly ReferralEvent[]): ReferralState {
  const next = events.reduce<ReferralState | undefined>(evolveReferral, state);
  if (!next) throw new Error('no events to build a replica from');
  return next;
}

/** The sender's replica once it has sent the referral, with the events of that sending. */
function sentReferral(content: ReferralContent): { state: ReferralState; sent: ReferralEvent[] } {
  const drafted = decideReferral(
    undefined,
    {
      type: 'DraftReferral',
      data: {
        referralId: content._id,
        fromCountry: 'CO',
        toCountry: 'EC',
        consent: { purpose: 'Referral for assistance in Ecuador', recordedAt: SENT_AT },
        at: SENT_AT,
      },
    },
    'sender',
  );
  const draft = evolveAll(undefined, drafted);
  const sent = decideReferral(draft, { type: 'SendReferral', data: { answerDueAt: DUE, at: SENT_AT } }, 'sender');
  return { state: evolveAll(draft, sent), sent };
}

/** The receiver's first events, decided the way node-api does on a referral.requested.v1 payload. */
function receivedFrom(payload: Record<string, unknown>): ReferralEvent[] {
  return decideReferral(
    undefined,
    {
      type: 'ReceiveReferral',
      data: {
        referralId: String(payload['referralId']),
        fromCountry: 'CO',
        toCountry: 'EC',
        answerDueAt: String(payload['answerDueAt']),
        sentAt: String(payload['requestedAt']),
        envelopeId: randomUUID(),
        at: DELIVERED_AT,
      },
    },
    'receiver',
  );
}

/** A referral both ends hold as delivered: sent, received, and its delivery receipted. */
function deliveredExchange(): Exchange {
  const content = referralContent();
  const { state: sent, sent: sentEvents } = sentReferral(content);
  const requested = outgoingMessageFor(sentEvents[0] as ReferralEvent, content);
  if (!requested) throw new Error('the sending produced no referral.requested.v1');
  const receiver = evolveAll(undefined, receivedFrom(requested.payload));
  const delivery = decideReferral(
    sent,
    { type: 'RecordDelivery', data: { envelopeId: randomUUID(), at: DELIVERED_AT } },
    'sender',
  );
  return { content, sender: evolveAll(sent, delivery), receiver };
}

interface RoundTrip {
  readonly type: string;
  readonly decided: ReferralEvent[];
  readonly replayed: ReferralEvent[];
  readonly exchange: Exchange;
}

/**
 * One end decides `command`; its events become the contract's message, which crosses as JSON; the other end turns
 * it back into the event and evolves its own replica with it.
 */
function roundTrip(exchange: Exchange, side: ReferralSide, command: ReferralCommand): RoundTrip {
  const here = side === 'sender' ? exchange.sender : exchange.receiver;
  const there = side === 'sender' ? exchange.receiver : exchange.sender;
  const decided = decideReferral(here, command, side);
  const messages = decided.map((event) => outgoingMessageFor(event, exchange.content));
  expect(messages).toHaveLength(1);
  const message = messages[0];
  if (!message) throw new Error(`${command.type} produced no message`);
  const payload = JSON.parse(JSON.stringify(message.payload)) as Record<string, unknown>;
  expect(() => validator.assertPayload(message.type, payload)).not.toThrow();
  const incoming = incomingEventFor(message.type, payload);
  if (!incoming) throw new Error(`${message.type} gives no incoming event`);
  const replayed = [incoming];
  const next =
    side === 'sender'
      ? { ...exchange, sender: evolveAll(here, decided), receiver: evolveAll(there, replayed) }
      : { ...exchange, sender: evolveAll(there, replayed), receiver: evolveAll(here, decided) };
  return { type: message.type, decided, replayed, exchange: next };
}

function expectInStep(trip: RoundTrip, status: ReferralStatus): void {
  expect(trip.replayed).toEqual(trip.decided);
  expect(trip.exchange.sender.status).toBe(status);
  expect(trip.exchange.receiver.status).toBe(status);
}

/** Both ends after the receiver accepted and started the service, each step carried by its message. */
function inServiceExchange(): Exchange {
  const accepted = roundTrip(deliveredExchange(), 'receiver', { type: 'AcceptReferral', data: { at: LATER } }).exchange;
  return roundTrip(accepted, 'receiver', { type: 'StartService', data: { at: LATER } }).exchange;
}

describe('outgoingMessageFor', () => {
  describe('with ReferralSent', () => {
    it('should give a referral.requested.v1 that validates and carries the person and the consent', () => {
      const content = referralContent();
      const { sent } = sentReferral(content);

      const message = outgoingMessageFor(sent[0] as ReferralEvent, content);

      expect(message?.type).toBe('referral.requested.v1');
      expect(() => validator.assertPayload('referral.requested.v1', message?.payload)).not.toThrow();
      expect(message?.payload).toMatchObject({
        referralId: content._id,
        reason: 'MigrationOrChangeOfLocation',
        reasonDetails: 'Needs shelter on arrival.',
        servicesRequested: ['Health', 'SocialCare'],
        urgency: 'high',
        person: { firstName: 'Ana', secondName: 'Rojas', gender: 'Feminine', nationality: 'CO' },
        consent: content.consent,
        answerDueAt: DUE,
        requestedAt: SENT_AT,
      });
    });

    it('should let the receiver start its replica with the same ReferralSent the sender recorded', () => {
      const content = referralContent();
      const { state, sent } = sentReferral(content);
      const message = outgoingMessageFor(sent[0] as ReferralEvent, content);
      if (!message) throw new Error('no message');

      const received = receivedFrom(JSON.parse(JSON.stringify(message.payload)) as Record<string, unknown>);

      expect(received.map((event) => event.type)).toEqual(['ReferralSent', 'ReferralDelivered']);
      expect(received[0]).toEqual(sent[0]);
      expect(evolveAll(undefined, received.slice(0, 1)).status).toBe(state.status);
    });
  });

  describe('with events only this end records', () => {
    it('should give no message for ReferralDrafted', () => {
      const event: ReferralEvent = {
        type: 'ReferralDrafted',
        data: {
          referralId: randomUUID(),
          fromCountry: 'CO',
          toCountry: 'EC',
          consent: { purpose: 'x', recordedAt: SENT_AT },
          at: SENT_AT,
        },
      };

      expect(outgoingMessageFor(event, referralContent())).toBeUndefined();
    });

    it('should give no message for ReferralDelivered', () => {
      const event: ReferralEvent = {
        type: 'ReferralDelivered',
        data: { referralId: randomUUID(), envelopeId: randomUUID(), at: DELIVERED_AT },
      };

      expect(outgoingMessageFor(event, referralContent())).toBeUndefined();
    });
  });
});

describe('incomingEventFor', () => {
  describe('with the receiver’s answers', () => {
    it('should bring both ends to accepted', () => {
      const trip = roundTrip(deliveredExchange(), 'receiver', { type: 'AcceptReferral', data: { at: LATER } });

      expect(trip.type).toBe('referral.accepted.v1');
      expectInStep(trip, 'accepted');
    });

    it('should bring both ends to declined with the same reason', () => {
      const trip = roundTrip(deliveredExchange(), 'receiver', {
        type: 'DeclineReferral',
        data: { reason: 'No shelter capacity until June', at: LATER },
      });

      expect(trip.type).toBe('referral.declined.v1');
      expectInStep(trip, 'declined');
      expect(trip.exchange.sender.declineReason).toBe('No shelter capacity until June');
    });

    it('should bring both ends to info-requested with the same question', () => {
      const trip = roundTrip(deliveredExchange(), 'receiver', {
        type: 'RequestInformation',
        data: { question: 'Which province?', at: LATER },
      });

      expect(trip.type).toBe('referral.information-requested.v1');
      expectInStep(trip, 'info-requested');
      expect(trip.exchange.sender.informationRequest).toBe('Which province?');
    });
  });

  describe('with the sender’s follow-ups', () => {
    it('should bring both ends back to delivered once the information is provided', () => {
      const asked = roundTrip(deliveredExchange(), 'receiver', {
        type: 'RequestInformation',
        data: { question: 'Which province?', at: LATER },
      }).exchange;

      const trip = roundTrip(asked, 'sender', {
        type: 'ProvideInformation',
        data: { answer: 'Pichincha', at: LATEST },
      });

      expect(trip.type).toBe('referral.information-provided.v1');
      expectInStep(trip, 'delivered');
    });

    it('should bring both ends to withdrawn with the same reason', () => {
      const trip = roundTrip(deliveredExchange(), 'sender', {
        type: 'WithdrawReferral',
        data: { reason: 'The person found help locally', at: LATER },
      });

      expect(trip.type).toBe('referral.withdrawn.v1');
      expectInStep(trip, 'withdrawn');
      expect(trip.exchange.receiver.withdrawalReason).toBe('The person found help locally');
    });
  });

  describe('with the acceptance’s note', () => {
    it('should carry the note in referral.accepted.v1 and give it back at the other end', () => {
      const exchange = deliveredExchange();
      const [accepted] = decideReferral(exchange.receiver, { type: 'AcceptReferral', data: { at: LATER } }, 'receiver');
      if (!accepted) throw new Error('no acceptance');

      const message = outgoingMessageFor(accepted, exchange.content, 'Shelter place from 20 March');
      const payload = JSON.parse(JSON.stringify(message?.payload)) as Record<string, unknown>;

      expect(() => validator.assertPayload('referral.accepted.v1', payload)).not.toThrow();
      expect(payload['note']).toBe('Shelter place from 20 March');
      expect(incomingNoteFor('referral.accepted.v1', payload)).toBe('Shelter place from 20 March');
    });

    it('should send no note field without a note', () => {
      const exchange = deliveredExchange();
      const [accepted] = decideReferral(exchange.receiver, { type: 'AcceptReferral', data: { at: LATER } }, 'receiver');
      if (!accepted) throw new Error('no acceptance');

      const payload = outgoingMessageFor(accepted, exchange.content)?.payload ?? {};

      expect(Object.keys(payload)).not.toContain('note');
      expect(incomingNoteFor('referral.accepted.v1', payload)).toBeUndefined();
    });

    it('should read a note only from an acceptance', () => {
      expect(incomingNoteFor('referral.declined.v1', { note: 'stray' })).toBeUndefined();
    });
  });

  describe('with the start of the service', () => {
    it('should bring both ends to in-service', () => {
      const accepted = roundTrip(deliveredExchange(), 'receiver', { type: 'AcceptReferral', data: { at: LATER } });

      const trip = roundTrip(accepted.exchange, 'receiver', { type: 'StartService', data: { at: LATEST } });

      expect(trip.type).toBe('referral.service-started.v1');
      expectInStep(trip, 'in-service');
    });
  });

  describe('with an expiry', () => {
    it.each<[string, (exchange: Exchange) => Exchange]>([
      ['delivered', (exchange) => exchange],
      [
        'info-requested',
        (exchange) =>
          roundTrip(exchange, 'receiver', { type: 'RequestInformation', data: { question: 'Which?', at: LATER } })
            .exchange,
      ],
    ])('should bring both ends from %s to expired once the answer is due', (_status, before) => {
      const trip = roundTrip(before(deliveredExchange()), 'sender', { type: 'ExpireReferral', data: { at: DUE } });

      expect(trip.type).toBe('referral.expired.v1');
      expectInStep(trip, 'expired');
    });
  });

  describe('with a closing', () => {
    it('should bring both ends to closed with a successful outcome', () => {
      const trip = roundTrip(inServiceExchange(), 'receiver', {
        type: 'CloseReferral',
        data: { outcome: 'successful', at: LATEST },
      });

      expect(trip.type).toBe('referral.closed.v1');
      expectInStep(trip, 'closed');
      expect(trip.exchange.sender.outcome).toEqual({ result: 'successful' });
    });

    it('should bring both ends to closed with an unsuccessful outcome and its reason', () => {
      const trip = roundTrip(inServiceExchange(), 'receiver', {
        type: 'CloseReferral',
        data: { outcome: 'unsuccessful', reason: 'The person could not be reached', at: LATEST },
      });

      expectInStep(trip, 'closed');
      expect(trip.exchange.sender.outcome).toEqual({
        result: 'unsuccessful',
        reason: 'The person could not be reached',
      });
    });
  });

  describe('with messages that crossed', () => {
    it('should bring both ends to withdrawn when the sender withdraws while the receiver declines', () => {
      const exchange = deliveredExchange();
      const withdrawn = decideReferral(
        exchange.sender,
        { type: 'WithdrawReferral', data: { reason: 'Found help locally', at: LATER } },
        'sender',
      );
      const declined = decideReferral(
        exchange.receiver,
        { type: 'DeclineReferral', data: { reason: 'No capacity', at: LATER } },
        'receiver',
      );
      const crossing = (events: ReferralEvent[]) =>
        events.map((event) => {
          const message = outgoingMessageFor(event, exchange.content);
          if (!message) throw new Error('no message');
          const incoming = incomingEventFor(message.type, JSON.parse(JSON.stringify(message.payload)));
          if (!incoming) throw new Error('no incoming event');
          return incoming;
        });

      const sender = evolveAll(evolveAll(exchange.sender, withdrawn), crossing(declined));
      const receiver = evolveAll(evolveAll(exchange.receiver, declined), crossing(withdrawn));

      expect(sender.status).toBe('withdrawn');
      expect(receiver.status).toBe('withdrawn');
    });
  });

  describe('with a type it does not replay', () => {
    it.each(['referral.unknown.v1', 'receipt.delivered.v1', 'referral.requested.v1', ''])(
      'should give undefined for %p',
      (type) => {
        expect(incomingEventFor(type, { referralId: randomUUID() })).toBeUndefined();
      },
    );
  });
});
