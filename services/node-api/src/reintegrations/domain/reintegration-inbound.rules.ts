import { ReintegrationEvent, ReintegrationState, decideReintegration } from '@enlace/protocols';
import type { InboxEntry } from '@enlace/store';
import type { CaseReception, ProtocolInboundRules } from '../../cases/application/protocol-case.message-applier';
import { REINTEGRATION_OPENED_MESSAGE } from './reintegration-message-types';

/** How the sender's replica of a reintegration starts: from the opening the receiver shared with it. */
export function reintegrationInboundRules(
  country: string,
): ProtocolInboundRules<ReintegrationState, ReintegrationEvent> {
  return {
    creatingType: REINTEGRATION_OPENED_MESSAGE,
    receive(entry: InboxEntry, payload: Record<string, unknown>): CaseReception<ReintegrationEvent> {
      const events = decideReintegration(
        undefined,
        {
          type: 'ReceiveReintegration',
          data: {
            planId: entry.caseId,
            fromCountry: country,
            toCountry: entry.from,
            arrivedAt: String(payload['arrivedAt']),
            planDueAt: String(payload['planDueAt']),
            followUpIntervalDays: payload['followUpIntervalDays'] as number,
            shareWithSender: payload['shareWithSender'] as boolean,
            consent: payload['consent'] as ReintegrationState['consent'],
            openedAt: String(payload['at']),
            at: entry.receivedAt.toISOString(),
          },
        },
        'sender',
      );
      const returnId = typeof payload['returnId'] === 'string' ? payload['returnId'] : undefined;
      return {
        base: { _id: entry.caseId, direction: 'outgoing', ...(returnId ? { links: { returnId } } : {}) },
        events,
        sideOf: () => 'sender',
      };
    },
  };
}
