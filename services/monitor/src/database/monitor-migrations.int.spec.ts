import { AuditLogStore, verifyAuditChain } from '@enlace/audit';
import { createPostgresDatabase } from '@enlace/store';
import { testInfra, uniqueName, withDatabase } from '@enlace/testing';
import { Kysely, sql } from 'kysely';
import { Client } from 'pg';
import { MonitorDatabase } from './monitor-database.schema';
import { MONITOR_MIGRATIONS, migrateMonitorDatabase } from './monitor-migrations';

describe('the monitor database (on the real PostgreSQL)', () => {
  const name = uniqueName('int_monitordb_');
  let server: Client;
  let url: string;
  let db: Kysely<MonitorDatabase>;

  beforeAll(async () => {
    const serverUrl = testInfra().databaseUrl;
    server = new Client({ connectionString: serverUrl });
    await server.connect();
    await server.query(`create database ${name}`);
    url = withDatabase(serverUrl, name);
    db = await createPostgresDatabase<MonitorDatabase>({ url });
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await server?.query(`drop database if exists ${name} with (force)`);
    await server?.end();
  });

  describe(migrateMonitorDatabase, () => {
    it('should create the schema once, however many monitors migrate at the same time', async () => {
      const others = await Promise.all([1, 2].map(() => createPostgresDatabase<MonitorDatabase>({ url })));

      await Promise.all([db, ...others].map((each) => migrateMonitorDatabase(each)));
      await migrateMonitorDatabase(db);

      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(db);
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining([
          'audit_checkpoints',
          'audit_log',
          'conversations',
          'corridors',
          'dead_letters',
          'envelope_traces',
          'flow_counters',
          'node_health',
          'overdue_answers',
          'regional_statistics_reports',
        ]),
      );
      const applied = await sql<{ count: string }>`select count(*) from monitor_schema_migrations`.execute(db);
      expect(applied.rows[0]?.count).toBe(String(Object.keys(MONITOR_MIGRATIONS).length));
      await Promise.all(others.map((each) => each.destroy()));
    });

    it("should give the audit log exactly the columns of a node's", async () => {
      const columns = await sql<{ column_name: string; data_type: string; is_nullable: string }>`
        select column_name, data_type, is_nullable from information_schema.columns
        where table_name = 'audit_log' order by ordinal_position`.execute(db);

      expect(
        columns.rows.map((c) => `${c.column_name} ${c.data_type}${c.is_nullable === 'NO' ? ' not null' : ''}`),
      ).toEqual([
        'seq bigint not null',
        'at text not null',
        'actor jsonb',
        'action text not null',
        'resource jsonb not null',
        'outcome integer not null',
        'prev_hash text not null',
        'hash text not null',
        'key_id text',
        'at_instant timestamp with time zone not null',
      ]);
    });

    it("should read a corridor's window through the counters' primary key", async () => {
      const plan = await sql<{ 'QUERY PLAN': string }>`
        explain select count from flow_counters
        where granularity = 'hour' and from_country = 'CO' and to_country = 'EC'
          and bucket_start >= now() - interval '1 day' and bucket_start < now()`.execute(db);

      expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('flow_counters_pkey');
    });
  });

  describe(AuditLogStore, () => {
    it("should keep the monitor's redrives in one unbroken chain on the monitor's database", async () => {
      await migrateMonitorDatabase(db);
      const audit = new AuditLogStore<MonitorDatabase>(db);

      await Promise.all(
        ['CO.0.1', 'CO.0.2', 'EC.1.7'].map((deadLetter) =>
          audit.append({
            at: new Date().toISOString(),
            actor: { username: 'secretariat.supervisor', country: '', roles: ['secretariat', 'supervisor'] },
            action: 'POST /api/v1/dead-letters/redrive',
            resource: { deadLetter },
            outcome: 200,
          }),
        ),
      );

      const records = [];
      for await (const record of audit.records()) records.push(record);
      expect(records.map((record) => record.resource['deadLetter']).sort()).toEqual(['CO.0.1', 'CO.0.2', 'EC.1.7']);
      expect(await verifyAuditChain(audit.records())).toMatchObject({ intact: true, records: 3 });
    });
  });
});
