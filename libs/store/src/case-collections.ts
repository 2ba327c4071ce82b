/** The node's collections of cases; each of them carries outboxes inside its documents. */
export const CaseCollections = {
  referrals: 'referrals',
  returns: 'returns',
  reintegrations: 'reintegrations',
} as const;

/** Where the courier's relay looks for messages waiting to leave the node. */
export const OUTBOX_COLLECTIONS: readonly string[] = Object.values(CaseCollections);
