import { ReferralEvent, ReferralState, decideReferral } from '@enlace/protocols';
import type { InboxEntry } from '@enlace/store';
import type { CaseReception, ProtocolInboundRules } from '../../cases/application/protocol-case.message-applier';
import type { ConsentRecord, ReferredPerson } from '../../cases/domain/case-content';
import type { ReferralDetails } from './referral-details';

/** The message that makes a referral at the receiving end. */
export const REFERRAL_REQUEST_MESSAGE = 'referral.requested.v1';

/**
 * How a referral starts at the receiving end: the request's message becomes the receiver's replica through the
 * protocol's own ReceiveReferral (the sending by the other end, its arrival here); and how the sender learns of
 * its delivery, from the envelope's receipt.
 */
export function referralInboundRules(
  country: string,
): ProtocolInboundRules<ReferralState, ReferralEvent, ReferralDetails> {
  return {
    creatingType: REFERRAL_REQUEST_MESSAGE,
    receive(entry: InboxEntry, payload: Record<string, unknown>): CaseReception<ReferralEvent, ReferralDetails> {
      const events = decideReferral(
        undefined,
        {
          type: 'ReceiveReferral',
          data: {
            referralId: entry.caseId,
            fromCountry: entry.from,
            toCountry: country,
            answerDueAt: String(payload['answerDueAt']),
            sentAt: String(payload['requestedAt']),
            envelopeId: entry.envelopeId,
            at: entry.receivedAt.toISOString(),
          },
        },
        'receiver',
      );
      return {
        base: {
          _id: entry.caseId,
          direction: 'incoming',
          details: {
            reason: payload['reason'],
            ...(payload['reasonDetails'] ? { reasonDetails: payload['reasonDetails'] } : {}),
            servicesRequested: payload['servicesRequested'],
            urgency: payload['urgency'],
          } as ReferralDetails,
          person: payload['person'] as ReferredPerson,
          consent: payload['consent'] as ConsentRecord,
        },
        events,
        sideOf: (event) => (event.type === 'ReferralDelivered' ? 'receiver' : 'sender'),
      };
    },
    deliveryEvents(state, receiptedType, receiptedEnvelopeId, at) {
      if (receiptedType !== REFERRAL_REQUEST_MESSAGE) return [];
      return decideReferral(state, { type: 'RecordDelivery', data: { envelopeId: receiptedEnvelopeId, at } }, 'sender');
    },
  };
}
