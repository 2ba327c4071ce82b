import {
  ReturnEvent,
  ReturnState,
  evolveReturn,
  returnEventComesEarly,
  returnEventsForCounterpart,
  returnPendingOn,
} from '@enlace/protocols';
import type { CaseContent, CaseProtocol, OutgoingCaseMessage } from '../../cases/domain/case-protocol';
import { returnEventTypeOf, returnMessageTypeOf } from './return-message-types';

/** The return protocol as the node's case machinery drives it: each shared event travels as its own message. */
export const RETURN_CASE_PROTOCOL: CaseProtocol<ReturnState, ReturnEvent> = {
  name: 'return',
  evolve: evolveReturn,
  shared: (_before, events, side) => returnEventsForCounterpart(events, side),
  messageFor(event: ReturnEvent, content: CaseContent): OutgoingCaseMessage {
    const type = returnMessageTypeOf(event);
    if (!type) throw new Error(`the return event ${event.type} has no message`);
    if (event.type === 'ReturnRequested') {
      // The request carries the person and the consent record to the receiving country, and nothing else does.
      return { type, payload: { ...event.data, person: content.person, consentRecord: content.consent } };
    }
    return { type, payload: { ...event.data } };
  },
  eventFor(type: string, payload: Record<string, unknown>): ReturnEvent | undefined {
    const eventType = returnEventTypeOf(type);
    if (!eventType || eventType === 'ReturnRequested') return undefined;
    // The contract has checked the payload's shape: it is the event's data as the other end recorded it.
    return { type: eventType, data: payload } as unknown as ReturnEvent;
  },
  isOutOfOrder: returnEventComesEarly,
  caseIdOf: (payload) => (typeof payload['returnId'] === 'string' ? payload['returnId'] : undefined),
  dueAt: (state) => (returnPendingOn(state) ? state.dueAt : undefined),
  pendingOn: returnPendingOn,
  timelineDetail(event: ReturnEvent): string | undefined {
    const data = event.data as { reason?: string; outcome?: string; result?: string; route?: string };
    const parts = [data.outcome ?? data.result, data.reason].filter((part): part is string => Boolean(part));
    return parts.length > 0 ? parts.join(': ') : undefined;
  },
  withdrawsConsent: (event) => event.type === 'ReturnConsentWithdrawn',
};
