import { Kysely } from 'kysely';

/**
 * Each node's latest statistics report of each month, as it was signed and published: suppressed aggregates only
 * (statistics-report.v1), never a case or a person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('regional_statistics_reports')
    .addColumn('country', 'text', (column) => column.notNull())
    .addColumn('month', 'text', (column) => column.notNull())
    .addColumn('report_id', 'text', (column) => column.notNull())
    .addColumn('generated_at', 'timestamptz', (column) => column.notNull())
    .addColumn('report', 'jsonb', (column) => column.notNull())
    .addColumn('received_at', 'timestamptz', (column) => column.notNull())
    .addPrimaryKeyConstraint('regional_statistics_reports_pkey', ['country', 'month'])
    .execute();
  await db.schema
    .createIndex('regional_statistics_reports_by_month')
    .on('regional_statistics_reports')
    .columns(['month', 'country'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('regional_statistics_reports').ifExists().execute();
}
