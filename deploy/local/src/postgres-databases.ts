// Databases of their own on one PostgreSQL server: a node's, the monitor's, a test's. Made and dropped from the
// server's maintenance database, `postgres`, whatever database the given URL names.
import { withDatabase } from '@enlace/testing';
import { Client, DatabaseError } from 'pg';

/** Lower-case letters, digits and underscores: a name that needs no quoting anywhere and fits PostgreSQL's 63 bytes. */
const DATABASE_NAME = /^[a-z0-9_]{1,63}$/;

/** The server's own databases: never dropped from here. */
const SERVER_DATABASES = new Set(['postgres', 'template0', 'template1']);

/** PostgreSQL's error codes for a database that exists already (a concurrent CREATE DATABASE can raise either). */
const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';
/** ...and for one that is gone (dropped by another process between IF EXISTS and the drop itself). */
const INVALID_CATALOG_NAME = '3D000';

function codeOf(error: unknown): string | undefined {
  return error instanceof DatabaseError ? error.code : undefined;
}

export function assertDatabaseName(name: string): void {
  if (!DATABASE_NAME.test(name)) {
    throw new Error(`"${name}" is not a database name we make: use 1 to 63 of a-z, 0-9 and _`);
  }
}

async function onMaintenanceDatabase<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres'), connectionTimeoutMillis: 10_000 });
  // a connection the server drops while we wait must not crash the process
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Makes the database `name` on the server unless it exists (safe when several processes ask at once), and returns
 * its URL: the server's URL with that database.
 */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  assertDatabaseName(name);
  await onMaintenanceDatabase(serverUrl, async (client) => {
    const existing = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount) return;
    try {
      // a name cannot be a query parameter here; it was checked above, and is quoted all the same
      await client.query(`create database "${name}"`);
    } catch (error) {
      if (codeOf(error) !== DUPLICATE_DATABASE && codeOf(error) !== UNIQUE_VIOLATION) throw error;
    }
  });
  return withDatabase(serverUrl, name);
}

/** Drops the database `name` if it exists, closing the connections still open to it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertDatabaseName(name);
  if (SERVER_DATABASES.has(name)) throw new Error(`"${name}" is one of the server's own databases: not dropped`);
  await onMaintenanceDatabase(serverUrl, async (client) => {
    try {
      await client.query(`drop database if exists "${name}" with (force)`);
    } catch (error) {
      if (codeOf(error) !== INVALID_CATALOG_NAME) throw error;
    }
  });
}
