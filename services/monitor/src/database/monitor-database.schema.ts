import type { AuditLogTable } from '@enlace/store';
import type { ColumnType, Generated } from 'kysely';

/** A time the database sets or reads as a Date; written as a Date or an ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A jsonb column: read as parsed JSON, written as a value that node-postgres turns into JSON. */
type Json<T> = ColumnType<T, T | string, T | string>;
/** A bigint counter: node-postgres reads it as text (it may pass 2^53); written as a number. */
type Counter = ColumnType<string, number | string, number | string>;

/**
 * One pre-aggregated counter: how many envelopes of a type (measure `envelopes`, key the message type), or how many
 * delays in one bin of the delay histogram (measure `delivery` or `answer`, key the bin), one corridor sent in one
 * bucket (hour, day or month). Only ever added to (`insert ... on conflict do update set count = count + ...`),
 * so concurrent writers add up; a report reads a range of the primary key per corridor.
 */
export interface FlowCountersTable {
  granularity: 'minute' | 'hour' | 'day' | 'month';
  from_country: string;
  to_country: string;
  bucket_start: Timestamp;
  measure: 'envelopes' | 'delivery' | 'answer';
  key: string;
  count: Counter;
}

/** Every corridor (ordered pair of countries) that ever carried an envelope, for reports over all of them. */
export interface CorridorsTable {
  from_country: string;
  to_country: string;
}

/**
 * One row per envelope id: the gate that makes counting idempotent (a record read twice is counted once) and the
 * meeting point of an envelope and its receipt, in whichever order the two are read.
 */
export interface EnvelopeTracesTable {
  envelope_id: string;
  /** Set once the envelope itself has been counted; a row may exist before, made by its receipt. */
  counted: Generated<boolean>;
  type: string | null;
  from_country: string | null;
  to_country: string | null;
  sent_at: Timestamp | null;
  /** sentAt of the first receipt that named this envelope. */
  receipt_sent_at: Timestamp | null;
}

/** A conversation (correlation id): its open questions and recent replies, for answer delays. */
export interface ConversationsTable {
  correlation_id: string;
  questions: Json<unknown[]>;
  replies: Json<unknown[]>;
}

/** An overdue step as announced (deadline.overdue.v1), and when the late country answered since. */
export interface OverdueAnswersTable {
  /** `<caseRef>|<step>|<dueAt>`: a node may announce a step again after a restart; it is kept once. */
  id: string;
  announcement_id: string;
  country: string;
  counterpart: string;
  protocol: string;
  step: string;
  case_ref: string;
  due_at: Timestamp;
  announced_at: Timestamp;
  answered_at: Timestamp | null;
}

/** Where a dead letter sits and why, never its bytes. */
export interface DeadLettersTable {
  /** `<country>.<partition>.<offset>` on that country's dead-letter topic. */
  id: string;
  country: string;
  topic: string;
  topic_partition: number;
  topic_offset: string;
  reason: string;
  detail: string;
  original_topic: string;
  original_partition: number;
  original_offset: string;
  dead_lettered_at: Timestamp;
  /** The routing facts of the envelope (id, type, from, to, sentAt), when its header could be read (unverified). */
  envelope: Json<Record<string, string>> | null;
  /** Whether the record's envelope signature held against the directory when read (migration 0004). */
  envelope_verified: Generated<boolean>;
  redrive_count: Generated<number>;
  last_redriven_at: Timestamp | null;
  last_redriven_by: string | null;
}

/** The latest heartbeat of each country's node. */
export interface NodeHealthTable {
  country: string;
  instance_id: string;
  started_at: Timestamp;
  sent_at: Timestamp;
  interval_ms: number;
  inbox_lag: number | null;
}

/** The monitor's own database: never a node's, and no node reads it. */
/** A node's latest statistics report of a month (statistics-report.v1), verified against the directory. */
export interface RegionalStatisticsReportsTable {
  country: string;
  month: string;
  report_id: string;
  generated_at: Timestamp;
  report: Json<Record<string, unknown>>;
  received_at: Timestamp;
}

/** A node's audit checkpoint (audit-checkpoint.v1) as received, its signature verified against the directory. */
export interface AuditCheckpointsTable {
  country: string;
  /** The number of the node's last audit record the checkpoint anchors. */
  sequence: string;
  /** That record's seal (HMAC-SHA256 under the node's audit key). */
  head_mac: string;
  /** Records in the node's log when the checkpoint was made. */
  count: string;
  made_at: Timestamp;
  /** The checkpoint as the node signed it (JWS compact): an auditor checks it again against the directory. */
  statement: string;
  received_at: Timestamp;
}

export interface MonitorDatabase {
  flow_counters: FlowCountersTable;
  corridors: CorridorsTable;
  envelope_traces: EnvelopeTracesTable;
  conversations: ConversationsTable;
  overdue_answers: OverdueAnswersTable;
  dead_letters: DeadLettersTable;
  node_health: NodeHealthTable;
  regional_statistics_reports: RegionalStatisticsReportsTable;
  audit_checkpoints: AuditCheckpointsTable;
  /** Who redrove which dead letter: the same hash-chained log, with the same columns, as a node's. */
  audit_log: AuditLogTable;
}
