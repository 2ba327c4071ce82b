/**
 * The courier's note that it produced one outbox entry, written to a collection of its own: the courier never
 * writes into case documents (see KeyedWriteLock); the node API folds each note into its case and removes it.
 */
export interface OutboxSentMark {
  /** The envelope id of the entry. */
  _id: string;
  collection: string;
  caseId: string;
  sentAt: Date;
}

export const OUTBOX_SENT_COLLECTION = 'outbox_sent';
