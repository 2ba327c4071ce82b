import { Kysely, sql } from 'kysely';

/**
 * Agencies inside one country's node (issue 16): each case and each intake has an owning agency, and a supervisor
 * of that agency may share it with other agencies of the country (`case_shares`, keyed by the case's or the
 * intake's id, both UUIDs). A user reads only what their agency owns or was given, and the lists filter on it in
 * the query: the owner is a column of each list's index, and the shares are found by agency.
 *
 * Rows written before this migration have no owner (null): they belong to the node's gateway agency, which node-api
 * knows from its settings and reads as such; nothing here needs to know its name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cases add column agency text`.execute(db);
  await sql`alter table intakes add column agency text`.execute(db);
  await sql`create index cases_by_agency on cases (agency, protocol, updated_at desc, id desc)`.execute(db);
  await sql`create index intakes_by_agency on intakes (agency, updated_at desc)`.execute(db);

  await db.schema
    .createTable('case_shares')
    .addColumn('case_id', 'text', (column) => column.notNull())
    .addColumn('agency', 'text', (column) => column.notNull())
    // Free text of the supervisor: it may name someone, so it is never shown outside the case's own reads.
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('shared_by', 'text', (column) => column.notNull())
    .addColumn('shared_at', 'timestamptz', (column) => column.notNull())
    .addPrimaryKeyConstraint('case_shares_pkey', ['case_id', 'agency'])
    .execute();
  // What an agency was given, for the lists and the reads: the agency first.
  await db.schema.createIndex('case_shares_by_agency').on('case_shares').columns(['agency', 'case_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_shares').ifExists().execute();
  await sql`drop index if exists intakes_by_agency`.execute(db);
  await sql`drop index if exists cases_by_agency`.execute(db);
  await sql`alter table intakes drop column agency`.execute(db);
  await sql`alter table cases drop column agency`.execute(db);
}
