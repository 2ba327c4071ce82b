import type { InboxEntry } from '@enlace/store';

/**
 * Applied; refused for good (set aside with the reason); or deferred: the message came before one it follows (a
 * copy delivered out of order), so it waits in the inbox until that one has been applied.
 */
export type ApplyOutcome = { applied: true } | { applied: false; code: string; detail: string; deferred?: boolean };

export const APPLIED: ApplyOutcome = { applied: true };

/** One protocol's side of the inbox: the messages it understands, and the cases it holds for receipts. */
export interface InboxMessageApplier {
  /** The protocol's own message types. */
  handles(type: string): boolean;
  /** The protocol whose cases it holds (the `protocol` of their rows): their receipts and erasure confirmations go here. */
  readonly protocolName: string;
  /** A message of the protocol's own, or an erasure confirmation for one of its cases. */
  apply(entry: InboxEntry): Promise<ApplyOutcome>;
  /** A delivery receipt for one of this protocol's cases. */
  applyReceipt(entry: InboxEntry): Promise<ApplyOutcome>;
}

export const INBOX_MESSAGE_APPLIERS = Symbol('INBOX_MESSAGE_APPLIERS');
