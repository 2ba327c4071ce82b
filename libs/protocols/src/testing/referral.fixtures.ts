import { ReferralCommand, ReferralCommandType } from '../referral/referral.commands';
import { ReferralEvent } from '../referral/referral.events';
import { ReferralConsent, ReferralSide, ReferralStatus } from '../referral/referral.state';

// One referral from Colombia to Ecuador, on a fixed timeline: the protocol never reads the clock, neither do tests.
export const REFERRAL_ID = '6f1c2a52-8d3b-4c7e-9a41-0b5d7e2f9c10';
export const FROM_COUNTRY = 'CO';
export const TO_COUNTRY = 'EC';
export const DRAFTED_AT = '2025-03-01T09:00:00.000Z';
export const SENT_AT = '2025-03-01T10:00:00.000Z';
export const DELIVERED_AT = '2025-03-01T10:00:05.000Z';
export const ANSWER_DUE_AT = '2025-03-15T10:00:00.000Z';
export const BEFORE_DUE = '2025-03-10T10:00:00.000Z';
export const AFTER_DUE = '2025-03-16T10:00:00.000Z';
export const ENVELOPE_ID = '0a7e4b1d-52c6-4f0e-8d33-7c1b9e6a2f48';

export const CONSENT: ReferralConsent = {
  purpose: 'cross-border referral for assistance',
  recordedAt: '2025-02-28T15:00:00.000Z',
  expiresAt: '2025-12-31T23:59:59.000Z',
  recipients: [TO_COUNTRY],
};

const id = { referralId: REFERRAL_ID };

export const referralEvents = {
  drafted: (consent: ReferralConsent = CONSENT): ReferralEvent => ({
    type: 'ReferralDrafted',
    data: { ...id, fromCountry: FROM_COUNTRY, toCountry: TO_COUNTRY, consent, at: DRAFTED_AT },
  }),
  sent: (at = SENT_AT): ReferralEvent => ({
    type: 'ReferralSent',
    data: { ...id, fromCountry: FROM_COUNTRY, toCountry: TO_COUNTRY, answerDueAt: ANSWER_DUE_AT, at },
  }),
  delivered: (at = DELIVERED_AT): ReferralEvent => ({
    type: 'ReferralDelivered',
    data: { ...id, envelopeId: ENVELOPE_ID, at },
  }),
  accepted: (at = BEFORE_DUE): ReferralEvent => ({ type: 'ReferralAccepted', data: { ...id, at } }),
  declined: (at = BEFORE_DUE): ReferralEvent => ({
    type: 'ReferralDeclined',
    data: { ...id, reason: 'outside our mandate', at },
  }),
  informationRequested: (at = BEFORE_DUE): ReferralEvent => ({
    type: 'InformationRequested',
    data: { ...id, question: 'which services are needed first?', at },
  }),
  informationProvided: (at = BEFORE_DUE): ReferralEvent => ({
    type: 'InformationProvided',
    data: { ...id, answer: 'shelter and medical care', at },
  }),
  withdrawn: (at = BEFORE_DUE): ReferralEvent => ({
    type: 'ReferralWithdrawn',
    data: { ...id, reason: 'person chose to stay', at },
  }),
  consentWithdrawn: (at = BEFORE_DUE): ReferralEvent => ({ type: 'ConsentWithdrawn', data: { ...id, at } }),
  expired: (at = AFTER_DUE): ReferralEvent => ({ type: 'ReferralExpired', data: { ...id, at } }),
  serviceStarted: (at = BEFORE_DUE): ReferralEvent => ({ type: 'ServiceStarted', data: { ...id, at } }),
  closed: (at = BEFORE_DUE): ReferralEvent => ({
    type: 'ReferralClosed',
    data: { ...id, outcome: 'successful', at },
  }),
};

const e = referralEvents;
const SENDER_DELIVERED = [e.drafted(), e.sent(), e.delivered()];

/** The history that brings the sender's replica to each status. */
const SENDER_HISTORIES: Record<ReferralStatus, ReferralEvent[]> = {
  draft: [e.drafted()],
  sent: [e.drafted(), e.sent()],
  delivered: SENDER_DELIVERED,
  'info-requested': [...SENDER_DELIVERED, e.informationRequested()],
  accepted: [...SENDER_DELIVERED, e.accepted()],
  declined: [...SENDER_DELIVERED, e.declined()],
  withdrawn: [...SENDER_DELIVERED, e.withdrawn()],
  'consent-withdrawn': [...SENDER_DELIVERED, e.consentWithdrawn()],
  expired: [...SENDER_DELIVERED, e.expired()],
  'in-service': [...SENDER_DELIVERED, e.accepted(), e.serviceStarted()],
  closed: [...SENDER_DELIVERED, e.accepted(), e.serviceStarted(), e.closed()],
};

/** The statuses each end's replica can hold; the receiver's starts already sent (and at once delivered). */
export const STATUSES_BY_SIDE: Record<ReferralSide, readonly ReferralStatus[]> = {
  sender: Object.keys(SENDER_HISTORIES) as ReferralStatus[],
  receiver: (Object.keys(SENDER_HISTORIES) as ReferralStatus[]).filter((status) => status !== 'draft'),
};

/** The events that bring one end's replica to `status`. */
export function historyOf(status: ReferralStatus, side: ReferralSide): ReferralEvent[] {
  const history = SENDER_HISTORIES[status];
  if (side === 'sender') {
    return history;
  }
  if (status === 'draft') {
    throw new Error('the receiver never holds a draft');
  }
  return history.filter((event) => event.type !== 'ReferralDrafted');
}

/** A command of each type whose data passes every data rule, so only side and status decide its fate. */
export function validCommand(type: ReferralCommandType, at = BEFORE_DUE): ReferralCommand {
  switch (type) {
    case 'DraftReferral':
      return {
        type,
        data: { ...id, fromCountry: FROM_COUNTRY, toCountry: TO_COUNTRY, consent: CONSENT, at: DRAFTED_AT },
      };
    case 'ReceiveReferral':
      return {
        type,
        data: {
          ...id,
          fromCountry: FROM_COUNTRY,
          toCountry: TO_COUNTRY,
          answerDueAt: ANSWER_DUE_AT,
          sentAt: SENT_AT,
          envelopeId: ENVELOPE_ID,
          at: DELIVERED_AT,
        },
      };
    case 'SendReferral':
      return { type, data: { answerDueAt: ANSWER_DUE_AT, at: SENT_AT } };
    case 'RecordDelivery':
      return { type, data: { envelopeId: ENVELOPE_ID, at: DELIVERED_AT } };
    case 'DeclineReferral':
      return { type, data: { reason: 'outside our mandate', at } };
    case 'RequestInformation':
      return { type, data: { question: 'which services are needed first?', at } };
    case 'ProvideInformation':
      return { type, data: { answer: 'shelter and medical care', at } };
    case 'WithdrawReferral':
      return { type, data: { reason: 'person chose to stay', at } };
    case 'ExpireReferral':
      return { type, data: { at: AFTER_DUE } };
    case 'CloseReferral':
      return { type, data: { outcome: 'successful', at } };
    case 'AcceptReferral':
    case 'WithdrawConsent':
    case 'StartService':
      return { type, data: { at } };
  }
}
