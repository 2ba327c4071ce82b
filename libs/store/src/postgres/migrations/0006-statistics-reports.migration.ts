import { Kysely, sql } from 'kysely';

/**
 * The node's statistics reports waiting for the courier: node-api counts and suppresses, the courier signs and
 * publishes. Only what may leave the node rests here (suppressed aggregates, no case id, no person).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('statistics_reports')
    .addColumn('report_id', 'text', (column) => column.primaryKey())
    .addColumn('month', 'text', (column) => column.notNull())
    .addColumn('report', 'jsonb', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await sql`create index statistics_reports_unsent on statistics_reports (created_at) where sent_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('statistics_reports').ifExists().execute();
}
