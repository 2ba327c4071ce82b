import { Kysely, sql } from 'kysely';

/**
 * The node's store: cases of every protocol, the transactional outbox, the idempotent inbox, the cases' keys,
 * the audit log and the overdue notices. Every look-up on the hot path has an index that makes it cost the same
 * at 1,000 or 1,000,000 rows; the queues (unsent messages, unapplied entries) are partial indexes, so they stay as
 * small as the work waiting, however long the history grows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('protocol', 'text', (column) => column.notNull())
    .addColumn('direction', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('state', 'jsonb', (column) => column.notNull())
    .addColumn('details', 'jsonb')
    .addColumn('personal', 'text')
    .addColumn('links', 'jsonb')
    .addColumn('timeline', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('due', 'timestamptz')
    .addColumn('pending_on', 'text')
    .addColumn('announced_due', 'timestamptz')
    .addColumn('erasure', 'jsonb')
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('cases_by_update').on('cases').columns(['protocol', 'updated_at desc']).execute();
  await db.schema
    .createIndex('cases_by_status')
    .on('cases')
    .columns(['protocol', 'direction', 'status', 'updated_at desc'])
    .execute();
  await db.schema.createIndex('cases_by_due').on('cases').columns(['due']).where('due', 'is not', null).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('envelope_id', 'text', (column) => column.primaryKey())
    .addColumn('seq', 'bigint', (column) => column.notNull().generatedAlwaysAsIdentity())
    .addColumn('case_id', 'text', (column) => column.notNull())
    .addColumn('protocol', 'text', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('to_country', 'text', (column) => column.notNull())
    .addColumn('correlation_id', 'text', (column) => column.notNull())
    .addColumn('causation_id', 'text')
    .addColumn('sealed_payload', 'text')
    .addColumn('payload', 'jsonb')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('sent_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('undeliverable_reason', 'text')
    .addColumn('undeliverable_at', 'timestamptz')
    .execute();
  await sql`create index outbox_unsent on outbox (seq) where sent_at is null and undeliverable_reason is null`.execute(
    db,
  );
  await db.schema.createIndex('outbox_by_case').on('outbox').columns(['case_id', 'seq']).execute();

  await db.schema
    .createTable('inbox')
    .addColumn('envelope_id', 'text', (column) => column.primaryKey())
    .addColumn('seq', 'bigint', (column) => column.notNull().generatedAlwaysAsIdentity())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('from_country', 'text', (column) => column.notNull())
    .addColumn('case_id', 'text', (column) => column.notNull())
    .addColumn('correlation_id', 'text', (column) => column.notNull())
    .addColumn('causation_id', 'text')
    .addColumn('sent_at', 'timestamptz', (column) => column.notNull())
    .addColumn('received_at', 'timestamptz', (column) => column.notNull())
    .addColumn('digest', 'text', (column) => column.notNull())
    .addColumn('sealed_payload', 'text')
    .addColumn('payload_withheld', 'text')
    .addColumn('applied_at', 'timestamptz')
    .addColumn('rejection_code', 'text')
    .addColumn('rejection_detail', 'text')
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('not_before', 'timestamptz')
    .execute();
  await sql`create index inbox_unapplied on inbox (seq) where applied_at is null and rejection_code is null`.execute(
    db,
  );
  await db.schema.createIndex('inbox_by_case').on('inbox').columns(['case_id', 'seq']).execute();

  await db.schema
    .createTable('case_keys')
    .addColumn('case_id', 'text', (column) => column.primaryKey())
    .addColumn('wrapped_key', 'text')
    .addColumn('kek_id', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('destroyed_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (column) => column.primaryKey())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('actor', 'jsonb')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('resource', 'jsonb', (column) => column.notNull())
    .addColumn('outcome', 'integer', (column) => column.notNull())
    .addColumn('prev_hash', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('deadline_notices')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('announcement', 'jsonb', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await sql`create index deadline_notices_unsent on deadline_notices (created_at) where sent_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['deadline_notices', 'audit_log', 'case_keys', 'inbox', 'outbox', 'cases']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
