import { Kysely, sql } from 'kysely';

/**
 * The auditor's filters on the audit log (GET /audit/records: from/to, action, user) get indexes of their own, so
 * that a filtered page costs the same at any size of log.
 *
 * `at` stays the text that was sealed (the chain's hash covers it as written), and the record's instant is stored
 * beside it as a timestamptz, `at_instant`, which the time range compares on without a cast (a text cast to
 * timestamptz depends on the session's time zone, so PostgreSQL cannot index it). The action's and the user's
 * indexes end with `seq`, the order pages are read in, so that the filter and the page's order are one index walk.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('at_instant', 'timestamptz').execute();
  await sql`update audit_log set at_instant = at::timestamptz`.execute(db);
  await db.schema
    .alterTable('audit_log')
    .alterColumn('at_instant', (column) => column.setNotNull())
    .execute();
  await sql`create index audit_log_at_instant on audit_log (at_instant)`.execute(db);
  await sql`create index audit_log_action on audit_log (action, seq)`.execute(db);
  await sql`create index audit_log_username on audit_log ((actor->>'username'), seq)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['audit_log_username', 'audit_log_action', 'audit_log_at_instant']) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  await db.schema.alterTable('audit_log').dropColumn('at_instant').execute();
}
