import { testInfra, uniqueName, withDatabase } from '@enlace/testing';
import { Client } from 'pg';
import { dropDatabase, ensureDatabase } from './postgres-databases';

const { databaseUrl } = testInfra();

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return ((await client.query('select 1 from pg_database where datname = $1', [name])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

describe('databases of their own on the real PostgreSQL', () => {
  const made: string[] = [];
  const name = (): string => {
    const each = uniqueName('int_dbs_');
    made.push(each);
    return each;
  };

  afterAll(async () => {
    for (const each of made) await dropDatabase(databaseUrl, each);
  });

  describe('ensureDatabase', () => {
    it('should make the database and return its URL on the same server', async () => {
      const db = name();

      const url = await ensureDatabase(databaseUrl, db);

      expect(url).toBe(withDatabase(databaseUrl, db));
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const result = await client.query<{ db: string; encoding: string }>(
          'select current_database() as db, pg_encoding_to_char(encoding) as encoding from pg_database ' +
            'where datname = current_database()',
        );
        expect(result.rows[0]).toEqual({ db, encoding: 'UTF8' });
      } finally {
        await client.end();
      }
    });

    it('should leave an existing database and its data as they are, however many ask at once', async () => {
      const db = name();
      const url = await ensureDatabase(databaseUrl, db);
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('create table kept (n int); insert into kept values (7)');

        const urls = await Promise.all([1, 2, 3, 4].map(() => ensureDatabase(databaseUrl, db)));

        expect(new Set(urls)).toEqual(new Set([url]));
        expect((await client.query('select n from kept')).rows).toEqual([{ n: 7 }]);
      } finally {
        await client.end();
      }
    });

    it('should make many new databases at once, each exactly once', async () => {
      const names = [name(), name(), name()];

      await Promise.all(names.flatMap((db) => [ensureDatabase(databaseUrl, db), ensureDatabase(databaseUrl, db)]));

      for (const db of names) expect(await databaseExists(db)).toBe(true);
    });

    it('should work from a URL naming another database of the server', async () => {
      const first = await ensureDatabase(databaseUrl, name());
      const second = name();

      await ensureDatabase(first, second);

      expect(await databaseExists(second)).toBe(true);
    });

    it.each(['', 'Enlace', 'a-b', 'x"; drop database postgres; --', 'a'.repeat(64)])(
      'should refuse the name %j before reaching the server',
      async (bad) => {
        await expect(ensureDatabase('postgres://nobody@127.0.0.1:1/postgres', bad)).rejects.toThrow(
          /not a database name/,
        );
      },
    );
  });

  describe('dropDatabase', () => {
    it('should drop the database, closing the connections still open to it', async () => {
      const db = name();
      const client = new Client({ connectionString: await ensureDatabase(databaseUrl, db) });
      client.on('error', () => undefined);
      await client.connect();

      await dropDatabase(databaseUrl, db);

      expect(await databaseExists(db)).toBe(false);
      await expect(client.query('select 1')).rejects.toThrow();
      await client.end().catch(() => undefined);
    });

    it('should do nothing for a database that does not exist', async () => {
      await expect(dropDatabase(databaseUrl, uniqueName('int_dbs_absent_'))).resolves.toBeUndefined();
    });

    it("should refuse to drop the server's own databases", async () => {
      for (const own of ['postgres', 'template0', 'template1']) {
        await expect(dropDatabase(databaseUrl, own)).rejects.toThrow(/server's own/);
      }
      expect(await databaseExists('postgres')).toBe(true);
    });
  });
});
