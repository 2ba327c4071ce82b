/**
 * Where a change that a user of this node made through the API is recorded: in the change's own transaction, so
 * that the case change, its outgoing messages and the audit record commit together or not at all.
 */
export interface CaseAuditTrail {
  /**
   * Runs `write` and, when a user's request made it, appends that request's audit record in the same transaction,
   * last before it commits; a write of no request (a message applied, an expiry) goes through as it is.
   */
  around<T>(write: () => Promise<T>): Promise<T>;
}
