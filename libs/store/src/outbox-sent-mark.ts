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
  /**
   * Set when the relay could not send the entry and never will as it stands — the addressee has no valid key in the
   * network's directory (UNKNOWN_RECIPIENT): the entry is set aside with this reason instead of being sent, so that
   * it does not hold back what the node sends after it.
   */
  undeliverable?: string;
}

export const OUTBOX_SENT_COLLECTION = 'outbox_sent';
