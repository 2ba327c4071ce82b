// CLI of the demo traffic generator:  npm run demo:traffic -- --rate 2 --minutes 1
import * as fs from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { networkDescriptionFile, type NetworkDescription } from './src/network/demo-network';
import { playDemoTraffic, summarisePlan, type TrafficReport } from './src/traffic';

function positive(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('must be a number above 0');
  return number;
}

function positiveInteger(value: string): number {
  const number = positive(value);
  if (!Number.isInteger(number)) throw new InvalidArgumentError('must be a whole number');
  return number;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

function progressLine(report: Readonly<TrafficReport>, elapsedMs: number): string {
  return (
    `${(elapsedMs / 1000).toFixed(0).padStart(4)} s  started ${report.started}/${report.planned}  ` +
    `completed ${report.completed}  failed ${report.failed}  in flight ${report.inFlight}  requests ${report.requests}`
  );
}

const program = new Command('demo:traffic')
  .description(
    'Plays the seed stories against the running demo network (npm run up): referrals around CO, EC and PE ' +
      '(served and closed, declined, asked then accepted) and returns from AR to BO with their reintegration. ' +
      'Prints counts only, never a person.',
  )
  .option('-r, --rate <stories>', 'stories started per second (0.5 = one every two seconds)', positive, 1)
  .option('-m, --minutes <minutes>', 'how long to start new stories', positive, 1)
  .option('--max-in-flight <stories>', 'stories under way at once at most', positiveInteger, 20)
  .option('--wait-seconds <seconds>', 'how long a step waits for the other side', positive, 120)
  .option('-f, --network-file <path>', 'the network description written by npm run up', networkDescriptionFile())
  .action(
    async (options: {
      rate: number;
      minutes: number;
      maxInFlight: number;
      waitSeconds: number;
      networkFile: string;
    }) => {
      const description = JSON.parse(await fs.readFile(options.networkFile, 'utf8')) as NetworkDescription;
      const started = Date.now();
      const report = await playDemoTraffic({
        description,
        ratePerSecond: options.rate,
        durationSeconds: options.minutes * 60,
        maxInFlight: options.maxInFlight,
        waitTimeoutMs: options.waitSeconds * 1000,
        onPlan: (plan) => {
          say(
            `Playing ${plan.length} stories on "${description.network}" at ${options.rate}/s for ${options.minutes} min:`,
          );
          for (const [story, count] of Object.entries(summarisePlan(plan)))
            say(`  ${String(count).padStart(5)}  ${story}`);
        },
        onProgress: (progress, elapsedMs) => say(progressLine(progress, elapsedMs)),
      });
      say(progressLine(report, Date.now() - started));
      say('By story (completed / failed):');
      for (const [story, tally] of Object.entries(report.byStory)) {
        say(`  ${story.padEnd(36)} ${tally.completed} / ${tally.failed}`);
      }
      for (const [where, count] of Object.entries(report.failures)) say(`  failed at ${where}: ${count}`);
      process.exitCode = report.failed > 0 ? 1 : 0;
    },
  );

program.parseAsync(process.argv).catch((error: Error) => {
  console.error(`demo:traffic: ${error.message}`);
  process.exit(1);
});
