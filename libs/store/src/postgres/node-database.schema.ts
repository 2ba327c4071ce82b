import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

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
  /** The other country of the exchange (generated from the state): the lists' counterpart filter. */
  counterpart: GeneratedAlways<string | null>;
  /** A referral's urgency (generated from the details): the lists' urgency filter. */
  urgency: GeneratedAlways<string | null>;
  /** The case rests in a terminal status (generated from the status): open and ended cases are listed apart. */
  ended: GeneratedAlways<boolean>;
  /** The agency of the node that owns the case; null (rows from before agencies): the node's gateway agency. */
  agency: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** The W3C traceparent of what wrote the row (the API request, the applied message): the relay continues it. */
  traceparent: string | null;
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
  /** The opened message sealed with the case's key; removed once applied, kept while the entry is set aside. */
  sealed_payload: string | null;
  /** Why the message is kept without its payload (CASE_ERASED: its case's key was destroyed). */
  payload_withheld: string | null;
  applied_at: Timestamp | null;
  /**
   * Why the entry is set aside (it could not be applied): it stays, visible, with its sealed payload, instead of
   * being retried forever, until a supervisor or an operator applies it again. The reason names no person.
   */
  rejection_code: string | null;
  rejection_detail: string | null;
  /** Since when it is set aside; null while it is not. */
  set_aside_at: Timestamp | null;
  /** How often it was put back to be applied again after being set aside. */
  reapplied: Generated<number>;
  /** Failed attempts so far, and when to try again (a passing failure, a message that came before its turn). */
  attempts: Generated<number>;
  not_before: Timestamp | null;
  /** The W3C traceparent of the courier's receipt of the message: node-api's apply continues it. */
  traceparent: string | null;
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
  /** The instant as sealed (ISO 8601 text: the hash covers it as written). */
  at: string;
  /** The same instant as a timestamptz (0014), which the auditor's time range is indexed on. */
  at_instant: Timestamp;
  actor: Json<Record<string, unknown>> | null;
  action: string;
  resource: Json<Record<string, string>>;
  outcome: number;
  prev_hash: string;
  /** HMAC-SHA256 under the audit key named by key_id; SHA-256 alone where key_id is null (before 0008). */
  hash: string;
  /** The audit key that sealed the record (its id, never the key); null: sealed by SHA-256 alone. */
  key_id: string | null;
}

/** An overdue step to announce to the network (deadline.overdue.v1), waiting for the courier. */
export interface DeadlineNoticesTable {
  /** `<caseRef>:<step>:<dueAt>`: the same overdue step is one notice, however often it is found. */
  id: string;
  announcement: Json<Record<string, unknown>>;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/**
 * A report taken at the node, screened and perhaps turned into a referral or a return (`case_id`). It never leaves
 * the node. Only what names no one rests in clear (status, channel, urgency, the country the person is believed to
 * be in, the HTCDS indicator values); the rest is one ciphertext in `personal` under the intake's key (`case_keys`).
 */
export interface IntakesTable {
  id: string;
  status: string;
  channel: string;
  urgency: string;
  believed_country: string | null;
  indicators: Json<Record<string, unknown>> | null;
  /** The screening state without the screening's reason (it rests in `personal`). */
  state: Json<Record<string, unknown>>;
  personal: string | null;
  timeline: Json<unknown[]>;
  case_protocol: string | null;
  case_id: string | null;
  /** When the intake's personal data were erased (its key destroyed). */
  erased_at: Timestamp | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The agency of the node that owns the intake; null (rows from before agencies): the gateway agency. */
  agency: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * A case or an intake (by its id) shared by a supervisor of its owning agency with another agency of the node, with
 * the reason, who shared it and when. The other country never learns of it.
 */
export interface CaseSharesTable {
  case_id: string;
  agency: string;
  reason: string;
  shared_by: string;
  shared_at: Timestamp;
}

/**
 * The blind index of the node's own cases for its search (node-api's CaseSearchTerms): one row per term of a case,
 * each term a keyed hash (HMAC) of a token of the person's name or of the case id, never the token itself. Removed
 * with the case's personal data when it is erased.
 */
export interface CaseSearchTable {
  term: string;
  case_id: string;
}

/** What a user of this node asked to be told, and where: an e-mail address or a webhook (with its signing secret). */
export interface NotificationSubscriptionsTable {
  id: string;
  username: string;
  channel: string;
  address: string;
  /** The webhook's HMAC key (shown once to its owner), null for e-mail. */
  secret: string | null;
  events: string[];
  created_at: Timestamp;
}

/** One notification for one subscription: a case id, a step and a link, never a person; retried until delivered. */
export interface NotificationsTable {
  id: string;
  seq: Generated<string>;
  subscription_id: string;
  /** Subscription, event and what it is about: the same event never notifies a subscription twice. */
  dedupe_key: string;
  message: Json<Record<string, unknown>>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  delivered_at: Timestamp | null;
  given_up_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
}

/** How far a notification scanner has read (the inbox's seq). */
export interface NotificationCursorTable {
  name: string;
  last_seq: string;
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
/** A document of a case: what names no one about it; its bytes are in case_document_chunks, sealed. */
export interface CaseDocumentsTable {
  id: string;
  case_id: string;
  /** `attached` here, or `received` from the other end. */
  origin: string;
  from_country: string;
  kind: string;
  media_type: string;
  size: number;
  sha256: string;
  chunk_count: number;
  /** `stored`, `receiving`, `received`, or `corrupt` (its chunks did not add up to its digest). */
  status: string;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

/** One chunk of a document's bytes, sealed with its case's key. */
export interface CaseDocumentChunksTable {
  document_id: string;
  index: number;
  sealed_data: string;
  /** The envelope that carries it to the other end (sent here) or brought it (received here). */
  envelope_id: string;
}

export interface NodeDatabase {
  cases: CasesTable;
  outbox: OutboxTable;
  inbox: InboxTable;
  case_keys: CaseKeysTable;
  audit_log: AuditLogTable;
  deadline_notices: DeadlineNoticesTable;
  intakes: IntakesTable;
  notification_subscriptions: NotificationSubscriptionsTable;
  notifications: NotificationsTable;
  notification_cursor: NotificationCursorTable;
  case_search: CaseSearchTable;
  statistics_reports: StatisticsReportsTable;
  case_documents: CaseDocumentsTable;
  case_document_chunks: CaseDocumentChunksTable;
  case_shares: CaseSharesTable;
}
