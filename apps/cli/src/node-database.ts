import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeDatabase, nodeDatabaseName } from '@enlace/store';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

/** The node's database: DATABASE_URL, or the country's database on the local infrastructure's server. */
export function nodeDatabaseTarget(country: string | undefined): { url: string; dbName: string } {
  const given = process.env['DATABASE_URL'];
  if (given) return { url: given, dbName: decodeURIComponent(new URL(given).pathname.slice(1)) };
  if (!country) throw new Error('name a country (e.g. CO) of the local demo, or set DATABASE_URL');
  const home = process.env['ENLACE_HOME'] ?? path.join(process.cwd(), '.enlace');
  const { databaseUrl } = JSON.parse(fs.readFileSync(path.join(home, 'infra.json'), 'utf8')) as {
    databaseUrl?: string;
  };
  if (!databaseUrl) throw new Error(`${path.join(home, 'infra.json')} names no database server; set DATABASE_URL`);
  const dbName = nodeDatabaseName(process.env['ENLACE_NETWORK'] ?? 'demo', country);
  const url = new URL(databaseUrl);
  url.pathname = `/${dbName}`;
  return { url: url.toString(), dbName };
}

/**
 * Works on the node's database over one connection, closed after: no waiting for a server that is not there, so the
 * operator hears at once.
 */
export async function withNodeDatabase<T>(url: string, work: (db: Kysely<NodeDatabase>) => Promise<T>): Promise<T> {
  const pool = new Pool({
    connectionString: url,
    max: 1,
    connectionTimeoutMillis: 5_000,
    application_name: 'enlace-cli',
  });
  const db = new Kysely<NodeDatabase>({ dialect: new PostgresDialect({ pool }) });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}
