import { ReturnEvent } from './return.events';
import { ReturnSide } from './return.state';

/**
 * The events of one decision that the other end must hear, in order. Everything an end decides is shared,
 * except its own record of the delivery: the sender's request reaches the receiver as the request (its replica
 * starts from ReceiveReturnRequest), and the receiver's arrival goes back as the delivery receipt
 * (RecordReturnDelivery), not as events.
 */
export function returnEventsForCounterpart(events: readonly ReturnEvent[], side: ReturnSide): ReturnEvent[] {
  const ownRecord: ReturnEvent['type'] = side === 'sender' ? 'ReturnRequestDelivered' : 'ReturnRequestReceived';
  return events.filter((event) => event.type !== ownRecord);
}
