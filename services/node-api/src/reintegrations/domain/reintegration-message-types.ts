import type { ReintegrationEvent, ReintegrationEventType } from '@enlace/protocols';

type SharedReintegrationEventType = Exclude<ReintegrationEventType, 'ReintegrationReceived'>;

/** The message type that tells the sender of each reintegration event it may hear (contracts/messages/reintegration). */
export const REINTEGRATION_MESSAGE_TYPES: Readonly<Record<SharedReintegrationEventType, string>> = {
  ReintegrationOpened: 'reintegration.opened.v1',
  ReintegrationPlanAgreed: 'reintegration.plan-agreed.v1',
  ImplementationStarted: 'reintegration.implementation-started.v1',
  MonitoringStarted: 'reintegration.monitoring-started.v1',
  FollowUpReported: 'reintegration.follow-up-reported.v1',
  RiskReviewResolved: 'reintegration.risk-review-resolved.v1',
  ReintegrationClosed: 'reintegration.closed.v1',
  ReintegrationReReferred: 'reintegration.re-referred.v1',
  ReintegrationConsentWithdrawn: 'reintegration.consent-withdrawn.v1',
};

const EVENT_BY_MESSAGE_TYPE = new Map(
  Object.entries(REINTEGRATION_MESSAGE_TYPES).map(([event, message]) => [
    message,
    event as SharedReintegrationEventType,
  ]),
);

export const REINTEGRATION_OPENED_MESSAGE = REINTEGRATION_MESSAGE_TYPES.ReintegrationOpened;

export function reintegrationMessageTypeOf(event: ReintegrationEvent): string | undefined {
  return event.type in REINTEGRATION_MESSAGE_TYPES
    ? REINTEGRATION_MESSAGE_TYPES[event.type as SharedReintegrationEventType]
    : undefined;
}

export function reintegrationEventTypeOf(messageType: string): SharedReintegrationEventType | undefined {
  return EVENT_BY_MESSAGE_TYPE.get(messageType);
}
