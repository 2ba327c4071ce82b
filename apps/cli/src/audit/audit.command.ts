import { Command } from 'commander';
import { AuditLogStore, verifyAuditChain } from '@enlace/audit';
import { countryCode } from '../cli-arguments';
import { CliOutput } from '../cli-output';
import { nodeDatabaseTarget, withNodeDatabase } from '../node-database';

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
      const { url, dbName } = nodeDatabaseTarget(country);
      await withNodeDatabase(url, async (db) => {
        const report = await verifyAuditChain(new AuditLogStore(db).records());
        output.say(
          report.intact
            ? `audit chain of ${dbName}: intact, ${report.records} records`
            : `audit chain of ${dbName}: BROKEN at record ${report.firstBroken}: ${report.reason}`,
        );
        output.done({ database: dbName, ...report });
        if (!report.intact) process.exitCode = 1;
      });
    });
  return audit;
}
