import { Kysely, sql } from 'kysely';

/**
 * Intakes: reports taken at the node (a hotline call, an outreach worker, a shelter), screened, and turned into a
 * referral or a return. They never leave the node, so they have no outbox of their own. What may name a person (the
 * reporter, the person, the situation, the consent, a screening's reason) rests in `personal`, sealed with a key of
 * the intake in `case_keys` (its id is a UUID like a case's), so erasure destroys that key as it does a case's. The
 * list reads the most recently changed first, by index, narrowed by status or not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intakes')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('urgency', 'text', (column) => column.notNull())
    .addColumn('believed_country', 'text')
    .addColumn('indicators', 'jsonb')
    .addColumn('state', 'jsonb', (column) => column.notNull())
    .addColumn('personal', 'text')
    .addColumn('timeline', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('case_protocol', 'text')
    .addColumn('case_id', 'text')
    .addColumn('erased_at', 'timestamptz')
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('intakes_by_update').on('intakes').columns(['updated_at desc']).execute();
  await db.schema.createIndex('intakes_by_status').on('intakes').columns(['status', 'updated_at desc']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('intakes').ifExists().execute();
}
