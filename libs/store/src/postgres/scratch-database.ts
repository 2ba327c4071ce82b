import { randomBytes } from 'node:crypto';
import { testInfra, withDatabase } from '@enlace/testing';
import type { Kysely, LogEvent } from 'kysely';
import { Client } from 'pg';
import type { NodeDatabase } from './node-database.schema';
import { migrateNodeDatabase } from './node-migrations';
import { createPostgresDatabase } from './postgres-database.factory';

/**
 * A database of its own for one integration test file, on the real server the test run started (testInfra): made
 * and migrated at start, dropped at the end. A node's (`forNode`) or any other schema's (the monitor's).
 */
export class ScratchDatabase<DB> {
  private constructor(
    private readonly serverUrl: string,
    readonly name: string,
    /** The scratch database's own URL, for a second pool or a listener (as another process would open). */
    readonly url: string,
    readonly db: Kysely<DB>,
    private readonly others: Kysely<DB>[] = [],
  ) {}

  static async create<DB>(prefix: string, migrate: (db: Kysely<DB>) => Promise<void>): Promise<ScratchDatabase<DB>> {
    const serverUrl = testInfra().databaseUrl;
    const name = `${prefix}_${randomBytes(5).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    await onServer(serverUrl, `create database ${name}`);
    const url = withDatabase(serverUrl, name);
    const db = await createPostgresDatabase<DB>({ url, maxConnections: 10 });
    await migrate(db);
    return new ScratchDatabase(serverUrl, name, url, db);
  }

  /** A node's database, with the node's schema. */
  static forNode(prefix: string): Promise<ScratchDatabase<NodeDatabase>> {
    return ScratchDatabase.create<NodeDatabase>(prefix, migrateNodeDatabase);
  }

  /**
   * Another pool on the same database, closed with it: what a second process would hold. `log` hears every statement
   * it sends (a test that counts or reads them).
   */
  async open(maxConnections = 10, log?: (event: LogEvent) => void): Promise<Kysely<DB>> {
    const other = await createPostgresDatabase<DB>({ url: this.url, maxConnections, ...(log && { log }) });
    this.others.push(other);
    return other;
  }

  async drop(): Promise<void> {
    await Promise.all([this.db, ...this.others].map((each) => each.destroy()));
    await onServer(this.serverUrl, `drop database if exists ${this.name} with (force)`);
  }
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
