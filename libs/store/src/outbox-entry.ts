/**
 * One message waiting to leave the node, or one that left: a row of the `outbox` table, written in the transaction
 * of the case change that produced it, so that a message is never lost and never sent for a change that did not
 * happen.
 */
export interface OutboxEntry {
  /** Becomes the envelope id: a retried send carries the same id, and the receiver drops the duplicate. */
  envelopeId: string;
  type: string;
  to: string;
  caseId: string;
  correlationId: string;
  causationId?: string;
  /**
   * The message in plaintext: in memory only, or at rest for messages that carry no personal data by their
   * contract (ids and times, written by the change that erases the case). It never leaves the node unsealed.
   */
  payload?: Record<string, unknown>;
  /** The message at rest, sealed with the case's key (libs/privacy). */
  sealedPayload?: string;
  createdAt: Date;
  sentAt?: Date | null;
  deliveredAt?: Date | null;
  /** Set aside unsent, with the reason (the addressee has no valid key): the case shows it, nothing retries it. */
  undeliverable?: { reason: string; at: Date } | null;
  /**
   * The W3C traceparent of what wrote it (the API request, the applied message), taken from the span at work when
   * absent: the courier's send continues that trace, and the envelope's record header carries it on.
   */
  traceparent?: string;
}

/** Done with, as far as the relay is concerned: sent, or set aside as undeliverable. */
export function isOutboxEntrySettled(entry: Pick<OutboxEntry, 'sentAt' | 'undeliverable'>): boolean {
  return Boolean(entry.sentAt) || Boolean(entry.undeliverable);
}
