import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { AuditLogStore, verifyAuditChain } from '@enlace/audit';
import { NodeDatabase, nodeDatabaseName } from '@enlace/store';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { countryCode } from '../cli-arguments';
import { CliOutput } from '../cli-output';

/** The node's database: DATABASE_URL, or the country's database on the local infrastructure's server. */
function target(country: string | undefined): { url: string; dbName: string } {
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

/** `enlace audit ...`: the node's hash-chained log of who read or changed what. */
export function auditCommand(): Command {
  const audit = new Command('audit').description("the node's audit log");
  audit
    .command('verify')
    .description(
      "verify a node's audit chain and name the first broken link (exit 1 when broken): DATABASE_URL names the " +
        "node's database, or a country names one of the local demo's",
    )
    .argument('[country]', 'a country of the local demo network', countryCode)
    .option('--json', 'print the result as JSON')
    .action(async (country: string | undefined, options: { json?: boolean }) => {
      const output = new CliOutput(options.json === true);
      const { url, dbName } = target(country);
      // One connection, and no waiting for a server that is not there: the operator hears at once.
      const pool = new Pool({
        connectionString: url,
        max: 1,
        connectionTimeoutMillis: 5_000,
        application_name: 'enlace-cli',
      });
      const db = new Kysely<NodeDatabase>({ dialect: new PostgresDialect({ pool }) });
      try {
        const report = await verifyAuditChain(new AuditLogStore(db).records());
        output.say(
          report.intact
            ? `audit chain of ${dbName}: intact, ${report.records} records`
            : `audit chain of ${dbName}: BROKEN at record ${report.firstBroken}: ${report.reason}`,
        );
        output.done({ database: dbName, ...report });
        if (!report.intact) process.exitCode = 1;
      } finally {
        await db.destroy();
      }
    });
  return audit;
}
