import { Kysely, sql } from 'kysely';

/**
 * Whether each dead letter's envelope signature held against the directory when the monitor read it. Dead letters
 * kept before are marked unverified (false): they were never checked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('dead_letters')
    .addColumn('envelope_verified', 'boolean', (column) => column.notNull().defaultTo(sql`false`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('dead_letters').dropColumn('envelope_verified').execute();
}
