import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { countryCode } from '../cli-arguments';
import { CliOutput } from '../cli-output';
import { CliProgressBar } from '../cli-progress-bar';
import { nodeDatabaseTarget, withNodeDatabase } from '../node-database';
import { verifyNodeAuditLog } from './audit-verification';

function enlaceHome(): string {
  return process.env['ENLACE_HOME'] ?? path.join(process.cwd(), '.enlace');
}

/** The local demo's material of a network: its nodes' audit keys and its directory (deploy/local). */
function demoMaterial(): string {
  return path.join(enlaceHome(), 'network', process.env['ENLACE_NETWORK'] ?? 'demo');
}

/** The audit key: --key-file, ENLACE_AUDIT_KEY_FILE, or the local demo's key of the country. */
function keyFileOf(given: string | undefined, country: string | undefined): string | undefined {
  if (given) return given;
  const fromEnv = process.env['ENLACE_AUDIT_KEY_FILE'];
  if (fromEnv) return fromEnv;
  if (!country) return undefined;
  const demo = path.join(demoMaterial(), 'secrets', `${country.toLowerCase()}.audit-key.json`);
  return fs.existsSync(demo) ? demo : undefined;
}

/** `enlace audit ...`: the node's log of who read or changed what, each record sealed with the node's audit key. */
export function auditCommand(): Command {
  const audit = new Command('audit').description("the node's audit log");
  audit
    .command('verify')
    .description(
      "verify a node's audit log and name the first broken link (exit 1 when broken): each record's seal is " +
        "checked with the node's audit key, and the log compared with the last checkpoint the monitor keeps (a cut " +
        "tail, a rewrite). DATABASE_URL names the node's database, or a country names one of the local demo's",
    )
    .argument(
      '[country]',
      'a country of the local demo network (or the node audited, to check the checkpoint)',
      countryCode,
    )
    .option('--key-file <file>', "the node's audit key (default: ENLACE_AUDIT_KEY_FILE, or the local demo's)")
    .option(
      '--checkpoint <file>',
      "the node's latest checkpoint, saved from the monitor: GET /api/v1/audit-checkpoints/<country>/latest",
    )
    .option('--directory <file>', "the network's directory file: the checkpoint's signature is checked against it")
    .option('--json', 'print the result as JSON')
    .action(async (country: string | undefined, options: AuditVerifyOptions) => {
      const output = new CliOutput(options.json === true);
      const { url, dbName } = nodeDatabaseTarget(country);
      const keyFile = keyFileOf(options.keyFile, country);
      if (keyFile === undefined) {
        throw new Error(
          "give the node's audit key (--key-file or ENLACE_AUDIT_KEY_FILE): without it no seal can be checked",
        );
      }
      await withNodeDatabase(url, async (db) => {
        let bar: CliProgressBar | undefined;
        const report = await verifyNodeAuditLog(db, {
          progress: {
            start: (total) => (bar = CliProgressBar.start('records checked', total, { json: options.json === true })),
            checked: () => bar?.increment(),
          },
          keyFile,
          ...(options.checkpoint !== undefined && { checkpointFile: options.checkpoint }),
          ...(options.directory !== undefined && { directoryFile: options.directory }),
          ...(country !== undefined && { country }),
        });
        bar?.stop();
        if (!report.intact) {
          output.say(`audit log of ${dbName}: BROKEN at record ${report.firstBroken}: ${report.reason}`);
        } else {
          output.say(`audit log of ${dbName}: intact, ${report.records} records`);
          if (report.unkeyed > 0) {
            output.say(`  ${report.unkeyed} records from before the log was keyed are hash-chained only (no seal)`);
          }
          if (report.checkpoint) {
            const signed = report.checkpoint.signatureChecked
              ? 'signature checked'
              : 'signature NOT checked (--directory)';
            output.say(
              `  holds the checkpoint of ${report.checkpoint.at} (${report.checkpoint.sequence} records; ${signed})`,
            );
          } else {
            output.say('  no checkpoint given (--checkpoint): a cut tail cannot be told from the log alone');
          }
        }
        output.done({ database: dbName, ...report });
        if (!report.intact) process.exitCode = 1;
      });
    });
  return audit;
}

interface AuditVerifyOptions {
  json?: boolean;
  keyFile?: string;
  checkpoint?: string;
  directory?: string;
}
