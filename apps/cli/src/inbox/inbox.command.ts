import * as os from 'node:os';
import { Command } from 'commander';
import { loadAuditKey } from '@enlace/audit';
import type { InboxEntrySummary } from '@enlace/store';
import { countryCode, wholeNumber } from '../cli-arguments';
import { CliOutput } from '../cli-output';
import { CliProgressBar } from '../cli-progress-bar';
import { nodeDatabaseTarget, withNodeDatabase } from '../node-database';
import { InboxOperator } from './inbox-operator';

interface TargetOptions {
  country?: string;
  json?: boolean;
}

/** One entry, for a person: ids, type, sender and why it is not applied; never anything of its payload. */
function line(entry: InboxEntrySummary): string {
  const why = entry.setAside
    ? `set aside ${entry.setAside.at.toISOString()} ${entry.setAside.code}: ${entry.setAside.detail}`
    : `waiting until ${entry.waitingUntil?.toISOString() ?? '?'}`;
  const payload = entry.payloadKept ? '' : ' (no payload: case erased)';
  return `${entry.envelopeId}  ${entry.type} from ${entry.from}  case ${entry.caseId}  ${why}  attempts ${entry.attempts}${payload}`;
}

/** The operator, on the node's database, named after the account that runs the command (for the audit log). */
async function withOperator<T>(
  options: TargetOptions,
  work: (operator: InboxOperator, dbName: string) => Promise<T>,
): Promise<T> {
  const { url, dbName } = nodeDatabaseTarget(options.country);
  // The node's audit key seals the record of a reapply; a node's log sealed with it refuses records without it.
  const keyFile = process.env['ENLACE_AUDIT_KEY_FILE'];
  const auditKey = keyFile ? await loadAuditKey(keyFile) : undefined;
  return withNodeDatabase(url, (db) => {
    const operator = {
      name: `operator:${os.userInfo().username}`,
      country: options.country ?? process.env['ENLACE_COUNTRY'] ?? '',
    };
    return work(new InboxOperator(db, operator, auditKey), dbName);
  });
}

function withTarget(command: Command): Command {
  return command
    .option('--country <CC>', 'a node of the local demo network (instead of DATABASE_URL)', countryCode)
    .option('--json', 'print the result as JSON');
}

/**
 * `enlace inbox ...`: a node's inbox entries received and receipted but not applied (set aside, or waiting for the
 * message they follow), and putting set-aside ones back once the cause is fixed. Works on the node's database:
 * DATABASE_URL, or --country for a node of the local demo.
 */
export function inboxCommand(): Command {
  const inbox = new Command('inbox').description(
    "a node's inbox: messages received and receipted but not applied (set aside, or waiting)",
  );

  withTarget(
    inbox
      .command('list')
      .description('list the set-aside messages (or, with --waiting, those waiting for the message they follow)')
      .option('--waiting', 'the waiting ones instead')
      .option('--limit <n>', 'at most this many', wholeNumber(1), 100),
  ).action(async (options: TargetOptions & { waiting?: boolean; limit: number }) => {
    const output = new CliOutput(options.json === true);
    await withOperator(options, async (operator, dbName) => {
      const which = options.waiting ? 'waiting' : 'set-aside';
      const entries = await operator.list(which, options.limit);
      const counts = await operator.counts();
      for (const entry of entries) output.say(line(entry));
      output.say(`set aside: ${counts.setAside}, waiting: ${counts.waiting}, not applied yet: ${counts.unapplied}`);
      output.done({ database: dbName, which, entries, counts });
    });
  });

  withTarget(
    inbox
      .command('reapply')
      .description('apply set-aside messages again, once the cause is fixed (recorded in the audit log)')
      .argument('[envelopeIds...]', 'the entries to apply again')
      .option('--all', 'every set-aside entry')
      .option('--wait <seconds>', 'wait this long for the node to apply them and say how it went', wholeNumber(0), 30),
  ).action(async (envelopeIds: string[], options: TargetOptions & { all?: boolean; wait: number }) => {
    if (!options.all && envelopeIds.length === 0) throw new Error('name the entries to apply again, or give --all');
    if (options.all && envelopeIds.length > 0) throw new Error('give either entries or --all, not both');
    const output = new CliOutput(options.json === true);
    await withOperator(options, async (operator, dbName) => {
      const putBack = await operator.reapply(options.all ? undefined : envelopeIds);
      const notSetAside = envelopeIds.filter((id) => !putBack.includes(id));
      for (const id of notSetAside) output.say(`${id}  not set aside (unknown, applied, waiting, or put back already)`);
      output.say(`put back: ${putBack.length}`);
      const bar = CliProgressBar.start('applied or set aside again', putBack.length, {
        json: options.json === true || options.wait === 0 || putBack.length === 0,
      });
      const outcomes = await operator.outcomes(putBack, options.wait * 1000, (settled) => bar.update(settled));
      bar.stop();
      for (const result of outcomes) {
        const detail = result.outcome === 'set-aside-again' ? ` ${result.code}: ${result.detail}` : '';
        output.say(`${result.envelopeId}  ${result.outcome}${detail}`);
      }
      output.done({ database: dbName, putBack, notSetAside, outcomes });
      if (notSetAside.length > 0) process.exitCode = 1;
    });
  });

  return inbox;
}
