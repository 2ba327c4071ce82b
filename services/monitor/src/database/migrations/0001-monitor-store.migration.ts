import { Kysely, sql } from 'kysely';

/**
 * The monitor's store: pre-aggregated flow counters and delay histograms, the envelope traces and conversations that
 * make counting idempotent and measure delays, overdue answers, dead letters, node health and the audit log of
 * redrives. Each read the monitor makes is a range of a key or an index, whatever the history holds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('flow_counters')
    .addColumn('granularity', 'text', (column) => column.notNull().check(sql`granularity in ('hour', 'day', 'month')`))
    .addColumn('from_country', 'text', (column) => column.notNull())
    .addColumn('to_country', 'text', (column) => column.notNull())
    .addColumn('bucket_start', 'timestamptz', (column) => column.notNull())
    .addColumn('measure', 'text', (column) =>
      column.notNull().check(sql`measure in ('envelopes', 'delivery', 'answer')`),
    )
    .addColumn('key', 'text', (column) => column.notNull())
    .addColumn('count', 'bigint', (column) => column.notNull())
    // A corridor's window is one range of this key.
    .addPrimaryKeyConstraint('flow_counters_pkey', [
      'granularity',
      'from_country',
      'to_country',
      'bucket_start',
      'measure',
      'key',
    ])
    .execute();

  await db.schema
    .createTable('corridors')
    .addColumn('from_country', 'text', (column) => column.notNull())
    .addColumn('to_country', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('corridors_pkey', ['from_country', 'to_country'])
    .execute();

  await db.schema
    .createTable('envelope_traces')
    .addColumn('envelope_id', 'text', (column) => column.primaryKey())
    .addColumn('counted', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('type', 'text')
    .addColumn('from_country', 'text')
    .addColumn('to_country', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('receipt_sent_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('correlation_id', 'text', (column) => column.primaryKey())
    .addColumn('questions', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('replies', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();

  await db.schema
    .createTable('overdue_answers')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('announcement_id', 'text', (column) => column.notNull())
    .addColumn('country', 'text', (column) => column.notNull())
    .addColumn('counterpart', 'text', (column) => column.notNull())
    .addColumn('protocol', 'text', (column) => column.notNull())
    .addColumn('step', 'text', (column) => column.notNull())
    .addColumn('case_ref', 'text', (column) => column.notNull())
    .addColumn('due_at', 'timestamptz', (column) => column.notNull())
    .addColumn('announced_at', 'timestamptz', (column) => column.notNull())
    .addColumn('answered_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('overdue_answers_by_due').on('overdue_answers').columns(['due_at desc']).execute();
  // The open ones are few however long the history: the default list and the answers that close them use these.
  await sql`create index overdue_answers_open on overdue_answers (due_at desc) where answered_at is null`.execute(db);
  await sql`create index overdue_answers_open_by_case on overdue_answers (case_ref) where answered_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('dead_letters')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('country', 'text', (column) => column.notNull())
    .addColumn('topic', 'text', (column) => column.notNull())
    .addColumn('topic_partition', 'integer', (column) => column.notNull())
    .addColumn('topic_offset', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('detail', 'text', (column) => column.notNull())
    .addColumn('original_topic', 'text', (column) => column.notNull())
    .addColumn('original_partition', 'integer', (column) => column.notNull())
    .addColumn('original_offset', 'text', (column) => column.notNull())
    .addColumn('dead_lettered_at', 'timestamptz', (column) => column.notNull())
    .addColumn('envelope', 'jsonb')
    .addColumn('redrive_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('last_redriven_at', 'timestamptz')
    .addColumn('last_redriven_by', 'text')
    .execute();
  await db.schema.createIndex('dead_letters_by_time').on('dead_letters').columns(['dead_lettered_at desc']).execute();
  await db.schema
    .createIndex('dead_letters_by_country')
    .on('dead_letters')
    .columns(['country', 'dead_lettered_at desc'])
    .execute();
  await sql`create index dead_letters_pending on dead_letters (dead_lettered_at desc) where redrive_count = 0`.execute(
    db,
  );

  await db.schema
    .createTable('node_health')
    .addColumn('country', 'text', (column) => column.primaryKey())
    .addColumn('instance_id', 'text', (column) => column.notNull())
    .addColumn('started_at', 'timestamptz', (column) => column.notNull())
    .addColumn('sent_at', 'timestamptz', (column) => column.notNull())
    .addColumn('interval_ms', 'integer', (column) => column.notNull())
    .addColumn('inbox_lag', 'integer')
    .execute();

  // The same table as a node's (libs/store 0001-node-store), so that @enlace/audit's store and verifier work on it.
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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'node_health',
    'dead_letters',
    'overdue_answers',
    'conversations',
    'envelope_traces',
    'corridors',
    'flow_counters',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
