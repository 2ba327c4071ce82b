import type { ReferralEvent } from '@enlace/protocols';
import type { CaseContent, OutgoingCaseMessage } from '../../cases/domain/case-protocol';
import type { ReferralDetails } from './referral-details';

export type ReferralContent = CaseContent<ReferralDetails>;

/**
 * What the other end must hear of an event decided here, as the message of the contract. Events only this end
 * records (its draft, its own delivery) produce no message. `note` is the free note a step may carry beside the
 * protocol's own facts (an acceptance's note for the sending country).
 */
export function outgoingMessageFor(
  event: ReferralEvent,
  referral: ReferralContent,
  note?: string,
): OutgoingCaseMessage | undefined {
  const referralId = referral._id;
  switch (event.type) {
    case 'ReferralSent':
      return {
        type: 'referral.requested.v1',
        payload: {
          referralId,
          ...referral.details,
          person: referral.person,
          consent: referral.consent,
          answerDueAt: event.data.answerDueAt,
          requestedAt: event.data.at,
        },
      };
    case 'ReferralAccepted':
      return {
        type: 'referral.accepted.v1',
        payload: { referralId, acceptedAt: event.data.at, ...(note ? { note } : {}) },
      };
    case 'ReferralDeclined':
      return {
        type: 'referral.declined.v1',
        payload: { referralId, declinedAt: event.data.at, reason: event.data.reason },
      };
    case 'InformationRequested':
      return {
        type: 'referral.information-requested.v1',
        payload: { referralId, requestedAt: event.data.at, question: event.data.question },
      };
    case 'InformationProvided':
      return {
        type: 'referral.information-provided.v1',
        payload: { referralId, providedAt: event.data.at, answer: event.data.answer },
      };
    case 'ReferralWithdrawn':
      return {
        type: 'referral.withdrawn.v1',
        payload: { referralId, withdrawnAt: event.data.at, reason: event.data.reason },
      };
    case 'ServiceStarted':
      return { type: 'referral.service-started.v1', payload: { referralId, startedAt: event.data.at } };
    case 'ConsentWithdrawn':
      return { type: 'referral.consent-withdrawn.v1', payload: { referralId, at: event.data.at } };
    case 'ReferralExpired':
      return { type: 'referral.expired.v1', payload: { referralId, expiredAt: event.data.at } };
    case 'ReferralClosed':
      return {
        type: 'referral.closed.v1',
        payload: {
          referralId,
          closedAt: event.data.at,
          outcome: event.data.outcome,
          ...(event.data.reason ? { reason: event.data.reason } : {}),
        },
      };
    default:
      return undefined;
  }
}
