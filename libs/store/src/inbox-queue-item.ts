/**
 * A pointer to an inbox entry not yet applied, in a small collection of its own. The inbox keeps every envelope
 * id for good (duplicate detection), and FerretDB v1 (SQLite) pushes down no filter but `_id` equality, so finding
 * `appliedAt: null` would scan and decode the whole inbox every round. The courier adds the pointer after storing
 * the entry (and again when a redelivered envelope finds its entry still unapplied); node-api removes it once the
 * entry is applied or set aside.
 */
export interface InboxQueueItem {
  /** The envelope id, which is the inbox entry's id. */
  _id: string;
  receivedAt: Date;
}

export const INBOX_QUEUE_COLLECTION = 'inbox_queue';
