import { randomBytes } from 'node:crypto';
import { Kysely } from 'kysely';
import { Client } from 'pg';
import type { NodeDatabase } from './node-database.schema';
import { migrateNodeDatabase } from './node-migrations';
import { createPostgresDatabase } from './postgres-database.factory';

/**
 * A node database of its own for one integration test file, on the real server: made and migrated at start, dropped
 * at the end. The server is the one `npm run test:int` started (ENLACE_INFRA_JSON's databaseUrl) or DATABASE_URL.
 */
export class ScratchNodeDatabase {
  private constructor(
    private readonly serverUrl: string,
    readonly name: string,
    /** The scratch database's own URL, for a second pool or a listener (as another process would open). */
    readonly url: string,
    readonly db: Kysely<NodeDatabase>,
    private readonly others: Kysely<NodeDatabase>[] = [],
  ) {}

  static async create(prefix: string): Promise<ScratchNodeDatabase> {
    const serverUrl = testDatabaseServerUrl();
    const name = `${prefix}_${randomBytes(5).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    await onServer(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await createPostgresDatabase<NodeDatabase>({ url: url.toString(), maxConnections: 10 });
    await migrateNodeDatabase(db);
    return new ScratchNodeDatabase(serverUrl, name, url.toString(), db);
  }

  /** Another pool on the same database, closed with it: what a second process would hold. */
  async open(maxConnections = 10): Promise<Kysely<NodeDatabase>> {
    const other = await createPostgresDatabase<NodeDatabase>({ url: this.url, maxConnections });
    this.others.push(other);
    return other;
  }

  async drop(): Promise<void> {
    await Promise.all([this.db, ...this.others].map((each) => each.destroy()));
    await onServer(this.serverUrl, `drop database if exists ${this.name} with (force)`);
  }
}

/** The PostgreSQL server the integration tests use. */
export function testDatabaseServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  const described = env['ENLACE_INFRA_JSON'];
  const fromInfra = described ? (JSON.parse(described) as { databaseUrl?: string }).databaseUrl : undefined;
  const url = fromInfra ?? env['DATABASE_URL'];
  if (!url) throw new Error('integration tests need the real PostgreSQL: run them with `npm run test:int`');
  return url;
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
