/**
 * A pointer to an outbox entry waiting to be sent, in a small collection of its own. FerretDB v1 (SQLite) pushes
 * down no filter but `_id` equality, so finding `outboxPending > 0` scans and decodes every case document of the
 * node: seconds per round once there are thousands of cases. The node API adds a pointer after each case write
 * that put entries in an outbox; the relay reads the few pointers, fetches their cases by id, and removes the
 * pointers of what it produced. The case document stays the truth: a pointer lost in a crash between the two
 * writes is made good by the relay's periodic full sweep.
 */
export interface OutboxQueueItem {
  /** The envelope id of the entry. */
  _id: string;
  collection: string;
  caseId: string;
  queuedAt: Date;
}

export const OUTBOX_QUEUE_COLLECTION = 'outbox_queue';
