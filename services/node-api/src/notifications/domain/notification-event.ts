/** What a user of a node may ask to be told (docs/architecture.md: notifications never name a person). */
export const NOTIFICATION_EVENTS = ['incoming', 'answer', 'due-soon', 'overdue'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** Messages that open a case at the receiving node: the other side asks this one for something new. */
const OPENING_TYPES = new Set(['referral.requested.v1', 'return.requested.v1', 'reintegration.opened.v1']);

/**
 * The event an applied inbox message is for this node's users: a new case from another country, or the other side's
 * answer or step on a case; a delivery receipt is the network's business, not a person's.
 */
export function eventOfMessage(type: string): NotificationEvent | undefined {
  if (type === 'receipt.delivered.v1') return undefined;
  return OPENING_TYPES.has(type) ? 'incoming' : 'answer';
}

/** The event of a step this node must take by `due`, seen at `now`: overdue once past, due soon within `soonMs`. */
export function eventOfDeadline(due: Date, now: Date, soonMs: number): NotificationEvent | undefined {
  if (due.getTime() <= now.getTime()) return 'overdue';
  return due.getTime() - now.getTime() <= soonMs ? 'due-soon' : undefined;
}
