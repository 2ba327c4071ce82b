import { testInfra, uniqueName, withDatabase } from '@enlace/testing';
import { Kysely, sql } from 'kysely';
import { Client } from 'pg';
import { DatabaseListener } from './database-listener';
import { NodeChannels } from './node-channels';
import type { NodeDatabase } from './node-database.schema';
import { NODE_MIGRATIONS, migrateNodeDatabase } from './node-migrations';
import { notify } from './notify';
import { createPostgresDatabase } from './postgres-database.factory';

const eventually = async (check: () => boolean, ms = 5_000): Promise<void> => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('not in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the node database (on the real PostgreSQL)', () => {
  const name = uniqueName('int_nodedb_');
  let server: Client;
  let url: string;
  let db: Kysely<NodeDatabase>;

  beforeAll(async () => {
    const serverUrl = testInfra().databaseUrl;
    server = new Client({ connectionString: serverUrl });
    await server.connect();
    await server.query(`create database ${name}`);
    url = withDatabase(serverUrl, name);
    db = await createPostgresDatabase<NodeDatabase>({ url });
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await server?.query(`drop database if exists ${name} with (force)`);
    await server?.end();
  });

  describe('migrateNodeDatabase', () => {
    it('should create the schema once, however many processes migrate at the same time', async () => {
      const others = await Promise.all([1, 2, 3].map(() => createPostgresDatabase<NodeDatabase>({ url })));

      await Promise.all([db, ...others].map((each) => migrateNodeDatabase(each)));
      await migrateNodeDatabase(db);

      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(db);
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining([
          'audit_log',
          'case_keys',
          'case_search',
          'cases',
          'deadline_notices',
          'inbox',
          'intakes',
          'outbox',
          'statistics_reports',
        ]),
      );
      const applied = await sql<{ count: string }>`select count(*) from node_schema_migrations`.execute(db);
      expect(applied.rows[0]?.count).toBe(String(Object.keys(NODE_MIGRATIONS).length));
      await Promise.all(others.map((each) => each.destroy()));
    });

    it('should list set-aside inbox entries through their partial index, not by reading the whole inbox', async () => {
      const plan = await sql<{ 'QUERY PLAN': string }>`
        explain select envelope_id from inbox where rejection_code is not null and applied_at is null order by seq limit 100`.execute(
        db,
      );
      expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('inbox_set_aside');
    });

    it('should find unsent messages through the partial index, not by reading the whole outbox', async () => {
      const plan = await sql<{ 'QUERY PLAN': string }>`
        explain select envelope_id from outbox where sent_at is null and undeliverable_reason is null order by seq limit 100`.execute(
        db,
      );
      expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('outbox_unsent');
    });
  });

  describe('intakes', () => {
    it('should list the intakes of a status, most recently changed first, through an index', async () => {
      // One connection for both statements: a table this empty is read whole at any plan's cost, so the plan is asked
      // as it would be at size, where reading the whole table is what the index avoids.
      const plan = await db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        return sql<{ 'QUERY PLAN': string }>`
          explain select id from intakes where status = 'recorded' order by updated_at desc limit 500`.execute(trx);
      });
      expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('intakes_by_status');
    });
  });

  describe('createPostgresDatabase', () => {
    it('should fail the query of a connection the server ends mid-transaction, and serve the next one, without ending the process', async () => {
      const own = await createPostgresDatabase<NodeDatabase>({ url, applicationName: 'enlace-cut-test' });
      const cut = own.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await sql`select pg_terminate_backend(pid) from pg_stat_activity
                  where application_name = 'enlace-cut-test' and pid <> pg_backend_pid()`.execute(db);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await sql`select 1`.execute(trx);
      });

      await expect(cut).rejects.toThrow();
      const after = await sql<{ one: number }>`select 1 as one`.execute(own);
      expect(after.rows[0]?.one).toBe(1);
      await own.destroy();
    });
  });

  describe('DatabaseListener', () => {
    it('should wake on a committed notification, and not on a rolled back one', async () => {
      const heard: string[] = [];
      const listener = new DatabaseListener(url, [NodeChannels.outbox, NodeChannels.inbox], {
        onNotification: (channel) => heard.push(channel),
      });
      await listener.start();

      await db
        .transaction()
        .execute(async (trx) => {
          await notify(trx, NodeChannels.inbox);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await db.transaction().execute((trx) => notify(trx, NodeChannels.outbox));

      await eventually(() => heard.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toEqual([NodeChannels.outbox]);
      await listener.stop();
    });

    it('should listen again after its connection was cut, and say so', async () => {
      const heard: string[] = [];
      let listening = 0;
      const listener = new DatabaseListener(url, [NodeChannels.inbox], {
        onNotification: (channel) => heard.push(channel),
        onListening: () => listening++,
      });
      await listener.start();

      await sql`select pg_terminate_backend(pid) from pg_stat_activity
                where application_name = 'enlace-listener' and datname = ${name}`.execute(db);
      await eventually(() => listening === 2);
      await notify(db, NodeChannels.inbox);

      await eventually(() => heard.length === 1);
      await listener.stop();
    });
  });
});
