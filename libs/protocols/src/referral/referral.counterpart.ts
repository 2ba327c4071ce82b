import { ReferralEvent } from './referral.events';
import { ReferralSide, ReferralState } from './referral.state';

/**
 * The events of one decision that the other end must hear, in order, given this end's replica before the
 * decision. Each end records its own draft and its own delivery; nothing decided on a draft leaves the node
 * except the sending itself, which reaches the receiver as the referral (its replica starts from
 * ReceiveReferral); the receiver's arrival goes back as the delivery receipt (RecordDelivery), not as events.
 */
export function eventsForCounterpart(
  before: ReferralState | undefined,
  events: readonly ReferralEvent[],
  side: ReferralSide,
): ReferralEvent[] {
  if (side === 'receiver') {
    return events.filter((event) => event.type !== 'ReferralSent' && event.type !== 'ReferralDelivered');
  }
  const drafting = before === undefined || before.status === 'draft';
  return events.filter((event) =>
    drafting ? event.type === 'ReferralSent' : event.type !== 'ReferralDrafted' && event.type !== 'ReferralDelivered',
  );
}
