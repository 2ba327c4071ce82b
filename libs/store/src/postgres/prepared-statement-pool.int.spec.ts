import { Kysely, sql } from 'kysely';
import { MAX_PREPARED_PER_CONNECTION } from './prepared-statement-pool';
import { ScratchDatabase } from './scratch-database';

interface Scratch {
  things: { id: number; label: string };
}

describe('PreparedStatementPool (on the real PostgreSQL)', () => {
  let scratch: ScratchDatabase<Scratch>;
  let db: Kysely<Scratch>;

  beforeAll(async () => {
    scratch = await ScratchDatabase.create<Scratch>('int_prepared', async (migrating) => {
      await sql`create table things (id int primary key, label text not null)`.execute(migrating);
      await sql`insert into things select n, 'thing ' || n from generate_series(1, 20) as n`.execute(migrating);
    });
    // One connection (the node's own pool, prepared statements and all): every statement below runs on the same
    // session, whose prepared statements the test reads.
    db = await scratch.open(1);
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await scratch?.drop();
  });

  const preparedHere = async (): Promise<string[]> =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map(
      (row) => row.statement,
    );

  it('should prepare a statement with parameters once per connection and answer each call with its own values', async () => {
    const find = (id: number) => db.selectFrom('things').select('label').where('id', '=', id).executeTakeFirst();

    const labels = [];
    for (const id of [3, 7, 11]) labels.push((await find(id))?.label);

    expect(labels).toEqual(['thing 3', 'thing 7', 'thing 11']);
    const prepared = (await preparedHere()).filter((text) => text.includes('from "things"'));
    expect(prepared).toEqual(['select "label" from "things" where "id" = $1']);
  });

  it('should leave a statement without parameters unprepared (begin, commit)', async () => {
    await db.transaction().execute((trx) => sql`select count(*) from things`.execute(trx));

    expect((await preparedHere()).some((text) => text.includes('count(*)') || /^begin/i.test(text))).toBe(false);
  });

  it('should drop a connection whose prepared statement no longer fits its table, and prepare afresh on the next', async () => {
    const all = (id: number) => db.selectFrom('things').selectAll().where('id', '>', id).execute();
    await all(0);
    await sql`alter table things add column extra text`.execute(db);

    await expect(all(0)).rejects.toMatchObject({ code: '0A000' });
    const again = await all(19);

    expect(again).toEqual([{ id: 20, label: 'thing 20', extra: null }]);
  });

  it('should prepare no more than its bound on one connection, and still answer what it does not prepare', async () => {
    const answers: number[] = [];
    for (let n = 0; n < MAX_PREPARED_PER_CONNECTION + 10; n++) {
      // A distinct text each time: the dynamic SQL a bound is for.
      const { rows } = await sql<{ n: number }>`select ${n}::int + ${sql.raw(String(n))} as n`.execute(db);
      answers.push((rows[0] as { n: number }).n);
    }

    expect(answers.at(-1)).toBe(2 * (MAX_PREPARED_PER_CONNECTION + 9));
    expect((await preparedHere()).length).toBe(MAX_PREPARED_PER_CONNECTION);
  });
});
