// A node operator's command for the node's inbox: what is set aside or waiting, and applying set-aside messages again.
//   npm run inbox -- --help
//   DATABASE_URL=postgres://.../<node database> npm run inbox -- list
//   npm run inbox -- --country CO reapply --all            (a node of the local demo network)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadAuditKey } from '@enlace/audit';
import { NodeDatabase, nodeDatabaseName } from '@enlace/store';
import type { InboxEntrySummary } from '@enlace/store';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { InboxOperator } from './inbox-operator';

interface GlobalOptions {
  country?: string;
  network: string;
}

/** The node's database: DATABASE_URL, or the country's database on the local infrastructure's server. */
function databaseUrl(options: GlobalOptions): string {
  const given = process.env['DATABASE_URL'];
  if (given) return given;
  if (!options.country) throw new Error('set DATABASE_URL, or name a node of the local network with --country');
  const home = process.env['ENLACE_HOME'] ?? path.join(__dirname, '..', '..', '.enlace');
  const infra = JSON.parse(fs.readFileSync(path.join(home, 'infra.json'), 'utf8')) as { databaseUrl?: string };
  if (!infra.databaseUrl)
    throw new Error(`${path.join(home, 'infra.json')} names no database server; set DATABASE_URL`);
  const url = new URL(infra.databaseUrl);
  url.pathname = `/${nodeDatabaseName(options.network, options.country)}`;
  return url.toString();
}

async function withOperator<T>(options: GlobalOptions, work: (operator: InboxOperator) => Promise<T>): Promise<T> {
  // One connection, and no waiting for a server that is not there: the operator hears at once.
  const pool = new Pool({
    connectionString: databaseUrl(options),
    max: 1,
    connectionTimeoutMillis: 5_000,
    application_name: 'enlace-inbox',
  });
  const db = new Kysely<NodeDatabase>({ dialect: new PostgresDialect({ pool }) });
  try {
    const name = `operator:${os.userInfo().username}`;
    // The node's audit key seals the record of a reapply; a node's log sealed with it refuses records without it.
    const keyFile = process.env['ENLACE_AUDIT_KEY_FILE'];
    const auditKey = keyFile ? await loadAuditKey(keyFile) : undefined;
    const country = options.country ?? process.env['ENLACE_COUNTRY'] ?? '';
    return await work(new InboxOperator(db, { name, country }, auditKey));
  } finally {
    await db.destroy();
  }
}

function line(entry: InboxEntrySummary): string {
  const why = entry.setAside
    ? `set aside ${entry.setAside.at.toISOString()} ${entry.setAside.code}: ${entry.setAside.detail}`
    : `waiting until ${entry.waitingUntil?.toISOString() ?? '?'}`;
  const payload = entry.payloadKept ? '' : ' (no payload: case erased)';
  return `${entry.envelopeId}  ${entry.type} from ${entry.from}  case ${entry.caseId}  ${why}  attempts ${entry.attempts}${payload}`;
}

function positive(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('a positive whole number');
  return parsed;
}

const program = new Command('inbox')
  .description("A node's inbox: messages received and receipted but not applied (set aside, or waiting).")
  .option('--country <CC>', 'a node of the local demo network (instead of DATABASE_URL)', (v) => v.toUpperCase())
  .option('--network <name>', 'the local network', process.env['ENLACE_NETWORK'] ?? 'demo');

program
  .command('list')
  .description('list the set-aside messages (or, with --waiting, those waiting for the message they follow)')
  .option('--waiting', 'the waiting ones instead')
  .option('--limit <n>', 'at most this many', positive, 100)
  .action(async (options: { waiting?: boolean; limit: number }) => {
    await withOperator(program.opts<GlobalOptions>(), async (operator) => {
      const entries = await operator.list(options.waiting ? 'waiting' : 'set-aside', options.limit);
      for (const entry of entries) console.log(line(entry));
      const counts = await operator.counts();
      console.log(`set aside: ${counts.setAside}, waiting: ${counts.waiting}, not applied yet: ${counts.unapplied}`);
    });
  });

program
  .command('reapply')
  .description('apply set-aside messages again, once the cause is fixed (recorded in the audit log)')
  .argument('[envelopeIds...]', 'the entries to apply again')
  .option('--all', 'every set-aside entry')
  .option('--wait <seconds>', 'wait this long for the node to apply them and say how it went', positive, 30)
  .action(async (envelopeIds: string[], options: { all?: boolean; wait: number }) => {
    if (!options.all && envelopeIds.length === 0) throw new Error('name the entries to apply again, or give --all');
    if (options.all && envelopeIds.length > 0) throw new Error('give either entries or --all, not both');
    await withOperator(program.opts<GlobalOptions>(), async (operator) => {
      const reapplied = await operator.reapply(options.all ? undefined : envelopeIds);
      const skipped = envelopeIds.filter((id) => !reapplied.includes(id));
      for (const id of skipped) console.log(`${id}  not set aside (unknown, applied, waiting, or put back already)`);
      console.log(`put back: ${reapplied.length}`);
      for (const result of await operator.outcomes(reapplied, options.wait * 1000)) {
        const detail = result.outcome === 'set-aside-again' ? ` ${result.code}: ${result.detail}` : '';
        console.log(`${result.envelopeId}  ${result.outcome}${detail}`);
      }
      if (skipped.length > 0) process.exitCode = 1;
    });
  });

program.parseAsync(process.argv).catch((error: Error) => {
  console.error(`inbox: ${error.message}`);
  process.exit(2);
});
