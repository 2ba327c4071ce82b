import {
  ReintegrationEvent,
  ReintegrationState,
  evolveReintegration,
  reintegrationDueAt,
  reintegrationEventComesEarly,
  reintegrationEventsForCounterpart,
  reintegrationPendingOn,
} from '@enlace/protocols';
import type { CaseContent, CaseProtocol, OutgoingCaseMessage } from '../../cases/domain/case-protocol';
import { reintegrationEventTypeOf, reintegrationMessageTypeOf } from './reintegration-message-types';

/**
 * The reintegration protocol as the node's case machinery drives it. The receiver runs it and tells the sender
 * only what the person consented to share (reintegrationEventsForCounterpart decides); no personal data travel.
 */
export const REINTEGRATION_CASE_PROTOCOL: CaseProtocol<ReintegrationState, ReintegrationEvent> = {
  name: 'reintegration',
  evolve: evolveReintegration,
  shared: reintegrationEventsForCounterpart,
  messageFor(event: ReintegrationEvent, content: CaseContent): OutgoingCaseMessage {
    const type = reintegrationMessageTypeOf(event);
    if (!type) throw new Error(`the reintegration event ${event.type} has no message`);
    const returnId = content.links?.returnId;
    return {
      type,
      payload: event.type === 'ReintegrationOpened' && returnId ? { ...event.data, returnId } : { ...event.data },
    };
  },
  eventFor(type: string, payload: Record<string, unknown>): ReintegrationEvent | undefined {
    const eventType = reintegrationEventTypeOf(type);
    if (!eventType || eventType === 'ReintegrationOpened') return undefined;
    return { type: eventType, data: payload } as unknown as ReintegrationEvent;
  },
  isOutOfOrder: reintegrationEventComesEarly,
  caseIdOf: (payload) => (typeof payload['planId'] === 'string' ? payload['planId'] : undefined),
  dueAt: reintegrationDueAt,
  pendingOn: reintegrationPendingOn,
  timelineDetail(event: ReintegrationEvent): string | undefined {
    const data = event.data as { reason?: string; outcome?: string; sequence?: number; wellbeing?: string };
    if (data.sequence !== undefined) return `follow-up ${data.sequence}: ${data.wellbeing ?? ''}`.trim();
    const parts = [data.outcome, data.reason].filter((part): part is string => Boolean(part));
    return parts.length > 0 ? parts.join(': ') : undefined;
  },
  withdrawsConsent: (event) => event.type === 'ReintegrationConsentWithdrawn',
};
