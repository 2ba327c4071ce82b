import type { NodeApiSchemas } from '@enlace/contracts';
import type { OutboxEntry } from '@enlace/store';

export type UndeliveredMessage = NodeApiSchemas['UndeliveredMessage'];

/** The case's messages the relay set aside unsent, for its view: `{ undelivered }` when there are any, else `{}`. */
export function undeliveredMessagesOf(outbox: readonly OutboxEntry[]): { undelivered?: UndeliveredMessage[] } {
  const undelivered = outbox.flatMap((entry) =>
    entry.undeliverable
      ? [
          {
            type: entry.type,
            to: entry.to,
            reason: entry.undeliverable.reason,
            at: entry.undeliverable.at.toISOString(),
          },
        ]
      : [],
  );
  return undelivered.length > 0 ? { undelivered } : {};
}
