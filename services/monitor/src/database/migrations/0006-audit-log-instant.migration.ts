import { Kysely, sql } from 'kysely';

/**
 * The monitor's own audit log keeps the same table as a node's (libs/store 0014-audit-log-filters): each record's
 * instant also as a timestamptz, `at_instant`, which @enlace/audit's store writes beside the sealed text `at`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('at_instant', 'timestamptz').execute();
  await sql`update audit_log set at_instant = at::timestamptz`.execute(db);
  await db.schema
    .alterTable('audit_log')
    .alterColumn('at_instant', (column) => column.setNotNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('at_instant').execute();
}
