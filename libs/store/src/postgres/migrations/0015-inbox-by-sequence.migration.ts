import { Kysely, sql } from 'kysely';

/**
 * The inbox in the order it arrived, by index: node-api's notification scanner reads the entries after its cursor
 * (`seq > $1 order by seq limit $2`) every few seconds, and without an index on `seq` each read was a scan and a
 * sort of the whole inbox (measured on a node holding 100,000 cases: 18–28 ms of the database's CPU every five
 * seconds, growing with every message received). The partial indexes of 0001 and 0002 hold only the entries still
 * waiting or set aside.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index inbox_by_seq on inbox (seq)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('inbox_by_seq').ifExists().execute();
}
