import { Schema } from 'mongoose';

/**
 * One message waiting to leave the node, kept inside the document whose change produced it: the change and the
 * message are written by one atomic single-document update (FerretDB v1 has no transactions), so a message is
 * never lost and never sent for a change that did not happen.
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
  /** The message at rest, sealed with the case's key (libs/privacy); removed once sent. */
  sealedPayload?: string;
  createdAt: Date;
  sentAt?: Date | null;
  deliveredAt?: Date | null;
  /** Set aside unsent, with the reason (see OutboxSentMark.undeliverable): the case shows it, nothing retries it. */
  undeliverable?: { reason: string; at: Date } | null;
}

/** Done with, as far as the relay is concerned: sent, or set aside as undeliverable. */
export function isOutboxEntrySettled(entry: Pick<OutboxEntry, 'sentAt' | 'undeliverable'>): boolean {
  return Boolean(entry.sentAt) || Boolean(entry.undeliverable);
}

export const outboxEntrySchema = new Schema<OutboxEntry>(
  {
    envelopeId: { type: String, required: true },
    type: { type: String, required: true },
    to: { type: String, required: true },
    caseId: { type: String, required: true },
    correlationId: { type: String, required: true },
    causationId: { type: String },
    payload: { type: Schema.Types.Mixed },
    sealedPayload: { type: String },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
    deliveredAt: { type: Date, default: null },
    undeliverable: { type: { reason: String, at: Date, _id: false }, default: null },
  },
  { _id: false },
);

/** The fields a document needs to carry an outbox; add them with `schema.add(outboxFields)`. */
export const outboxFields = {
  outbox: { type: [outboxEntrySchema], default: [] },
  /** How many entries are not yet sent: the relay's cheap index, since FerretDB v1 cannot index inside arrays well. */
  outboxPending: { type: Number, default: 0, index: true },
};
