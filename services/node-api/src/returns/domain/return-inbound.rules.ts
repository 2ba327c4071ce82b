import { ReturnEvent, ReturnState, decideReturn } from '@enlace/protocols';
import type { InboxEntry } from '@enlace/store';
import type { CaseReception, ProtocolInboundRules } from '../../cases/application/protocol-case.message-applier';
import type { ConsentRecord, ReferredPerson } from '../../cases/domain/case-content';
import { RETURN_REQUEST_MESSAGE } from './return-message-types';

/**
 * How a return starts at the receiving end: the request's message becomes the receiver's replica through the
 * protocol's own ReceiveReturnRequest; and how the sender learns of its delivery, from the envelope's receipt.
 */
export function returnInboundRules(country: string): ProtocolInboundRules<ReturnState, ReturnEvent> {
  return {
    creatingType: RETURN_REQUEST_MESSAGE,
    receive(entry: InboxEntry, payload: Record<string, unknown>): CaseReception<ReturnEvent> {
      const events = decideReturn(
        undefined,
        {
          type: 'ReceiveReturnRequest',
          data: {
            returnId: entry.caseId,
            fromCountry: entry.from,
            toCountry: country,
            isChild: payload['isChild'] as boolean,
            unaccompanied: payload['unaccompanied'] as boolean,
            answerDueAt: String(payload['answerDueAt']),
            informedDecisionRecordedAt: String(payload['informedDecisionRecordedAt']),
            consent: payload['consent'] as ReturnState['consent'],
            requestedAt: String(payload['at']),
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
          person: payload['person'] as ReferredPerson,
          consent: payload['consentRecord'] as ConsentRecord,
        },
        events,
        sideOf: () => 'receiver',
      };
    },
    deliveryEvents(state, receiptedType, receiptedEnvelopeId, at) {
      if (receiptedType !== RETURN_REQUEST_MESSAGE) return [];
      return decideReturn(
        state,
        { type: 'RecordReturnDelivery', data: { envelopeId: receiptedEnvelopeId, at } },
        'sender',
      );
    },
  };
}
