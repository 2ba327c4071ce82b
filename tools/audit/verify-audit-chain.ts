// Verifies a node's audit chain and reports the first broken link.
//   npm run audit:verify -- CO                                     (a node of the local demo network)
//   DATABASE_URL=postgres://.../<node database> npm run audit:verify   (any node's database)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AuditLogStore, verifyAuditChain } from '@enlace/audit';
import { NodeDatabase, nodeDatabaseName } from '@enlace/store';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

/** The node's database: DATABASE_URL, or the country's database on the local infrastructure's server. */
function target(country: string | undefined): { url: string; dbName: string } {
  const given = process.env['DATABASE_URL'];
  if (given) return { url: given, dbName: decodeURIComponent(new URL(given).pathname.slice(1)) };
  if (!country) throw new Error('name a country (e.g. CO) or set DATABASE_URL');
  const home = process.env['ENLACE_HOME'] ?? path.join(__dirname, '..', '..', '.enlace');
  const { databaseUrl } = JSON.parse(fs.readFileSync(path.join(home, 'infra.json'), 'utf8')) as {
    databaseUrl?: string;
  };
  if (!databaseUrl) throw new Error(`${path.join(home, 'infra.json')} names no database server; set DATABASE_URL`);
  const dbName = nodeDatabaseName(process.env['ENLACE_NETWORK'] ?? 'demo', country);
  const url = new URL(databaseUrl);
  url.pathname = `/${dbName}`;
  return { url: url.toString(), dbName };
}

async function main(): Promise<number> {
  const { url, dbName } = target(process.argv[2]);
  // One connection, and no waiting for a server that is not there: the operator hears at once.
  const pool = new Pool({
    connectionString: url,
    max: 1,
    connectionTimeoutMillis: 5_000,
    application_name: 'audit-verify',
  });
  const db = new Kysely<NodeDatabase>({ dialect: new PostgresDialect({ pool }) });
  try {
    const report = await verifyAuditChain(new AuditLogStore(db).records());
    if (report.intact) {
      console.log(`audit chain of ${dbName}: intact, ${report.records} records`);
      return 0;
    }
    console.log(`audit chain of ${dbName}: BROKEN at record ${report.firstBroken}: ${report.reason}`);
    return 1;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`audit:verify: ${error.message}`);
    process.exit(2);
  },
);
