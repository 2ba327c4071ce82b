import { ReintegrationEvent } from './reintegration.events';
import { evolveReintegration } from './reintegration.evolve';
import { reintegrationSharesWithSender } from './reintegration.sharing';
import { ReintegrationSide, ReintegrationState } from './reintegration.state';

/**
 * The events of one decision that the other end must hear, in order, given this end's replica before the
 * decision. The receiver tells the sender only what the person consented to share, while that consent holds
 * at the event's time; its opening reaches the sender as the reintegration (the sender's replica starts from
 * ReceiveReintegration). A withdrawal of consent reaches a sender that was ever told, expired consent or not:
 * it holds data it must erase. The sender's only decision, a withdrawal of consent, always reaches the
 * receiver; its own record of the arrival stays home.
 */
export function reintegrationEventsForCounterpart(
  before: ReintegrationState | undefined,
  events: readonly ReintegrationEvent[],
  side: ReintegrationSide,
): ReintegrationEvent[] {
  if (side === 'sender') {
    return events.filter((event) => event.type !== 'ReintegrationReceived');
  }
  const shared: ReintegrationEvent[] = [];
  let state = before;
  for (const event of events) {
    const prior = state;
    state = evolveReintegration(state, event);
    const tell =
      event.type === 'ReintegrationConsentWithdrawn'
        ? state.shareWithSender && prior?.status !== 'consent-withdrawn'
        : reintegrationSharesWithSender(state, event.data.at);
    if (tell) {
      shared.push(event);
    }
  }
  return shared;
}
