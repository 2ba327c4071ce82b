/**
 * A message that arrived, was verified, opened and validated by the courier, and waits for node-api to apply
 * it. Its id is the envelope id, so the same envelope stored twice is one entry: the inbox is idempotent.
 */
export interface InboxEntry {
  _id: string;
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
  appliedAt: Date | null;
  /** Why applying failed for good (the message stays, visible, instead of being retried forever). */
  rejection?: { code: string; detail: string } | null;
}

export const INBOX_COLLECTION = 'inbox';
