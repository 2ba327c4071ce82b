/** Who did something on a node, as the bearer token said; absent for a caller without a valid token. */
export interface AuditActor {
  readonly username: string;
  readonly country: string;
  readonly roles: readonly string[];
  /** The agency of the node the user acted for (nodes with several agencies). */
  readonly agency?: string;
}

/** What is recorded of one action, before it takes its place in the chain. Never personal data of a case. */
export interface AuditEntry {
  readonly at: string;
  readonly actor: AuditActor | null;
  /** e.g. `POST /api/v1/referrals/:id/accept` — the route, not the URL, so that no value of a query leaks in. */
  readonly action: string;
  /** Ids of what the action touched, e.g. `{ referral: "<uuid>" }`. */
  readonly resource: Readonly<Record<string, string>>;
  /** The HTTP status the action ended with. */
  readonly outcome: number;
}

/**
 * One link of a node's audit chain: the entry, its place, and the seal that ties it to the one before. A node's
 * records are sealed with its audit key (HMAC-SHA256, `keyId` names the key); a record without `keyId` carries a
 * plain SHA-256 (records written before the log was keyed, and the monitor's own log).
 */
export interface AuditRecord extends AuditEntry {
  /** 1, 2, 3, ... with no gap. */
  readonly seq: number;
  /** `hash` of the record before (64 zeros for the first). */
  readonly prevHash: string;
  /** The id of the audit key that sealed this record (auditKeyId); absent for a record sealed by SHA-256 alone. */
  readonly keyId?: string;
  /**
   * The seal (hex) of this record's canonical form, prevHash and keyId included: HMAC-SHA256 under the audit key
   * when `keyId` is set, else SHA-256.
   */
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
