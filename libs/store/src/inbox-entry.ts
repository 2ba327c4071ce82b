/**
 * A message that arrived, was verified, opened and validated by the courier, and waits for node-api to apply
 * it: a row of the `inbox` table. Its key is the envelope id, so the same envelope stored twice is one entry.
 */
export interface InboxEntry {
  envelopeId: string;
  type: string;
  from: string;
  caseId: string;
  correlationId: string;
  causationId?: string;
  sentAt: Date;
  receivedAt: Date;
  /** sha-256 of the wire bytes, echoed in the delivery receipt. */
  digest: string;
  /** The opened message, in memory only: at rest it is `sealedPayload`. */
  payload?: Record<string, unknown>;
  /** The opened message sealed with the case's key (libs/privacy); removed once applied or rejected. */
  sealedPayload?: string;
  /** Why the message is kept without its payload: its case's key was destroyed (the person's data erased). */
  payloadWithheld?: 'CASE_ERASED';
  /** Failed or postponed attempts to apply it so far. */
  attempts?: number;
  /** The W3C traceparent of the courier's receipt of it (from the envelope's record header): the apply continues it. */
  traceparent?: string;
}
