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

/** One link of a node's audit chain: the entry, its place, and the hashes that tie it to the one before. */
export interface AuditRecord extends AuditEntry {
  /** 1, 2, 3, ... with no gap. */
  readonly seq: number;
  /** `hash` of the record before (64 zeros for the first). */
  readonly prevHash: string;
  /** sha-256 (hex) of this record's canonical form, prevHash included. */
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
