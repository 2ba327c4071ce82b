import type { ColumnType, Generated } from 'kysely';

/** A time the database sets or reads as a Date; written as a Date or an ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A jsonb column: read as parsed JSON, written as a value that node-postgres turns into JSON. */
type Json<T> = ColumnType<T, T | string, T | string>;

/**
 * One case of any protocol (referral, return, reintegration), as this node keeps it: the replica of the protocol
 * state, the person's data sealed under the case's key, the timeline. A change to a case, its outgoing messages
 * (`outbox`) and its audit record are written in one transaction; `version` counts the changes and guards
 * against a writer that decided on an older state.
 */
export interface CasesTable {
  id: string;
  protocol: string;
  direction: string;
  status: string;
  /** The protocol state without personal data (the consent's purpose rests in `personal`). */
  state: Json<Record<string, unknown>>;
  /** What a protocol keeps beside its state without personal data (a referral's reason, services, urgency). */
  details: Json<Record<string, unknown>> | null;
  /** The person, the consent record and any free text about the person: one ciphertext under the case's key. */
  personal: string | null;
  links: Json<Record<string, unknown>> | null;
  timeline: Json<unknown[]>;
  /** When the step the case waits on is due: found by index for the overdue lists and the deadline watchers. */
  due: Timestamp | null;
  pending_on: string | null;
  /** The due time last announced as overdue, so that each overdue step is announced once. */
  announced_due: Timestamp | null;
  erasure: Json<Record<string, unknown>> | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * A message waiting to leave the node, or one that left. Written by node-api in the transaction of the change
 * that produced it; claimed by the courier (FOR UPDATE SKIP LOCKED) in `seq` order, sealed, produced, marked sent.
 */
export interface OutboxTable {
  /** Becomes the envelope id: a retried send carries the same id, and the receiver drops the duplicate. */
  envelope_id: string;
  seq: Generated<string>;
  case_id: string;
  protocol: string;
  type: string;
  to_country: string;
  correlation_id: string;
  causation_id: string | null;
  /** The message sealed with the case's key (libs/privacy); removed once sent. */
  sealed_payload: string | null;
  /** The message in clear, only for messages that carry no personal data by their contract (ids and times). */
  payload: Json<Record<string, unknown>> | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  delivered_at: Timestamp | null;
  /** Set aside unsent, with the reason (the addressee has no valid key): the case shows it, nothing retries it. */
  undeliverable_reason: string | null;
  undeliverable_at: Timestamp | null;
}

/**
 * A message that arrived, verified, opened and validated by the courier, waiting for node-api to apply it. Its
 * key is the envelope id: the same envelope stored twice is one row (INSERT ... ON CONFLICT DO NOTHING).
 */
export interface InboxTable {
  envelope_id: string;
  seq: Generated<string>;
  type: string;
  from_country: string;
  case_id: string;
  correlation_id: string;
  causation_id: string | null;
  sent_at: Timestamp;
  received_at: Timestamp;
  /** sha-256 of the wire bytes, echoed in the delivery receipt. */
  digest: string;
  /** The opened message sealed with the case's key; removed once applied or rejected. */
  sealed_payload: string | null;
  /** Why the message is kept without its payload (CASE_ERASED: its case's key was destroyed). */
  payload_withheld: string | null;
  applied_at: Timestamp | null;
  /** Why applying failed for good: the entry stays, visible, instead of being retried forever. */
  rejection_code: string | null;
  rejection_detail: string | null;
  /** Failed attempts so far, and when to try again (a passing failure, a message that came before its turn). */
  attempts: Generated<number>;
  not_before: Timestamp | null;
}

/** One case's data key, wrapped by the node's key-encryption key; after erasure only the time of its destruction. */
export interface CaseKeysTable {
  case_id: string;
  wrapped_key: string | null;
  kek_id: string | null;
  created_at: Timestamp;
  destroyed_at: Timestamp | null;
}

/** The node's append-only, hash-chained audit log: who read or changed what. */
export interface AuditLogTable {
  seq: string;
  at: string;
  actor: Json<Record<string, unknown>> | null;
  action: string;
  resource: Json<Record<string, string>>;
  outcome: number;
  prev_hash: string;
  hash: string;
}

/** An overdue step to announce to the network (deadline.overdue.v1), waiting for the courier. */
export interface DeadlineNoticesTable {
  /** `<caseRef>:<step>:<dueAt>`: the same overdue step is one notice, however often it is found. */
  id: string;
  announcement: Json<Record<string, unknown>>;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** A statistics report (contracts: statistics-report.v1), suppressed at the node, waiting for the courier to sign it. */
export interface StatisticsReportsTable {
  report_id: string;
  /** `YYYY-MM`: the month it counts. */
  month: string;
  report: Json<Record<string, unknown>>;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** A node's database: node-api and its courier share it; no other node ever reads it. */
export interface NodeDatabase {
  cases: CasesTable;
  outbox: OutboxTable;
  inbox: InboxTable;
  case_keys: CaseKeysTable;
  audit_log: AuditLogTable;
  deadline_notices: DeadlineNoticesTable;
  statistics_reports: StatisticsReportsTable;
}
