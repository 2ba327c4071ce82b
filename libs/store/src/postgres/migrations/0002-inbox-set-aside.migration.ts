import { Kysely, sql } from 'kysely';

/**
 * An inbox entry that could not be applied is set aside with its sealed payload kept (a redelivery of its envelope
 * is a duplicate, so this row is the only copy left at this node), and can be applied again once the cause is
 * fixed. `set_aside_at` says since when; `reapplied` counts the times a supervisor or an operator put it back. The
 * partial index keeps the list of set-aside entries as cheap as the number of them, whatever the inbox's history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('inbox')
    .addColumn('set_aside_at', 'timestamptz')
    .addColumn('reapplied', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  // Entries set aside before this migration keep their place in the list (their payload was already dropped).
  await sql`update inbox set set_aside_at = received_at where rejection_code is not null and set_aside_at is null`.execute(
    db,
  );
  await sql`create index inbox_set_aside on inbox (seq) where rejection_code is not null and applied_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('inbox_set_aside').ifExists().execute();
  await db.schema.alterTable('inbox').dropColumn('reapplied').dropColumn('set_aside_at').execute();
}
