import { Kysely, sql } from 'kysely';

/**
 * The statuses in which a case of any protocol has ended (libs/protocols: REFERRAL_TERMINAL_STATUSES,
 * RETURN_TERMINAL_STATUSES, REINTEGRATION_TERMINAL_STATUSES). No status is open in one protocol and terminal in
 * another, so one list serves every protocol; node-api's unit test checks it against the protocols, and a protocol
 * that adds a terminal status changes the column in a migration of its own.
 */
export const ENDED_STATUSES_0003 = [
  'declined',
  'withdrawn',
  'consent-withdrawn',
  'expired',
  'closed',
  'nationality-not-confirmed',
  'not-safe',
  'barred',
  'handed-over',
  'cancelled',
  're-referred',
] as const;

/**
 * The case lists at scale (issue 15): paging, filters and search pushed down to indexes.
 *
 * - `counterpart`, `urgency` and `ended` are generated from what the row holds already (the state's countries, the
 *   details' urgency, the status), so that every writer keeps them right without writing them, and a filter on them
 *   is a plain column comparison.
 * - The list orders (`updated_at`, `created_at`, `due`, each with `id` to break ties) have an index each that starts
 *   with the protocol, so that a page is a walk of an index from the cursor on, whatever the number of cases;
 *   `cases_by_status` (0001) stays for a status filter, which may be rare, and `cases_by_due` for the deadline
 *   watchers. The walk by update replaces 0001's `cases_by_update`, which it covers.
 * - `case_search` is the blind index of the cases' names and ids: keyed hashes only (see node-api's
 *   CaseSearchTerms), a row per term and case, removed with the case's personal data on erasure.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ended = sql.join(ENDED_STATUSES_0003.map((status) => sql.lit(status)));
  await sql`
    alter table cases
      add column counterpart text generated always as
        (case direction when 'outgoing' then state->>'toCountry' else state->>'fromCountry' end) stored,
      add column urgency text generated always as (details->>'urgency') stored,
      add column ended boolean generated always as (status in (${ended})) stored`.execute(db);

  await sql`drop index if exists cases_by_update`.execute(db);
  await sql`create index cases_page_by_update on cases (protocol, updated_at desc, id desc)`.execute(db);
  await sql`create index cases_page_by_creation on cases (protocol, created_at desc, id desc)`.execute(db);
  // A case waiting on no step sorts last: its key is the infinite instant, so that one key orders every case.
  await sql`create index cases_page_by_due on cases (protocol, (coalesce(due, 'infinity'::timestamptz)), id)`.execute(
    db,
  );

  await db.schema
    .createTable('case_search')
    .addColumn('term', 'text', (column) => column.notNull())
    .addColumn('case_id', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('case_search_pkey', ['term', 'case_id'])
    .execute();
  // Erasure removes a case's terms by its id.
  await db.schema.createIndex('case_search_by_case').on('case_search').column('case_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_search').ifExists().execute();
  await sql`drop index if exists cases_page_by_due`.execute(db);
  await sql`drop index if exists cases_page_by_creation`.execute(db);
  await sql`drop index if exists cases_page_by_update`.execute(db);
  await sql`create index cases_by_update on cases (protocol, updated_at desc)`.execute(db);
  await sql`alter table cases drop column ended, drop column urgency, drop column counterpart`.execute(db);
}
