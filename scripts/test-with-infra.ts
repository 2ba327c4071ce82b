// Runs the integration and end-to-end tests against the local Kafka and PostgreSQL: starts them when they are not
// running (and stops them afterwards, leaving a machine as it was), or uses KAFKA_BROKERS / DATABASE_URL.
import { spawnSync } from 'node:child_process';
import { kafkaSaslEnv } from '@enlace/messaging';
import { ensureInfra, infraStatus, stopInfra } from '../deploy/local/src';

const TIERS = '\\.(int|e2e)\\.spec\\.ts$';
/**
 * The whole run's limit: a test that leaves something running after a failure must not hold a CI machine for hours
 * (Jest is also told to force its exit once the tests have ended, and says so when it has to).
 */
const RUN_LIMIT_MINUTES = Number(process.env['ENLACE_TEST_RUN_LIMIT_MINUTES'] ?? 75);
const FLAGS_WITH_VALUE = [
  '-t',
  '--testNamePattern',
  '--shard',
  '--maxWorkers',
  '-w',
  '--testTimeout',
  '--selectProjects',
];

/**
 * One path pattern for jest: the int and e2e tiers, narrowed to the paths matching any pattern given on the command
 * line (`npm run test:int -- chaos`). Jest would OR a positional pattern with ours and run every int test.
 */
function pathPattern(args: readonly string[]): { pattern: string; rest: string[] } {
  const given: string[] = [];
  const rest: string[] = [];
  args.forEach((arg, index) => {
    const previous = args[index - 1];
    const isValueOfFlag = previous !== undefined && FLAGS_WITH_VALUE.includes(previous);
    (arg.startsWith('-') || isValueOfFlag ? rest : given).push(arg);
  });
  if (given.length === 0) return { pattern: TIERS, rest };
  // Matched against absolute paths: only the part below the repository counts (its own folder name may match).
  const root = process.cwd().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { pattern: `^${root}/.*(${given.join('|')}).*${TIERS}`, rest };
}

/** `--brokers N` (a local Kafka cluster of N brokers, as `infra.ts up --brokers N`), taken out of jest's arguments. */
function brokersOption(args: readonly string[]): { brokers?: string; others: string[] } {
  const index = args.indexOf('--brokers');
  if (index < 0) return { others: [...args] };
  const brokers = args[index + 1];
  if (brokers === undefined) throw new Error('--brokers needs a number of brokers');
  return { brokers, others: args.filter((_, i) => i !== index && i !== index + 1) };
}

async function main(): Promise<number> {
  const { brokers, others } = brokersOption(process.argv.slice(2));
  if (brokers !== undefined) process.env['ENLACE_KAFKA_CLUSTER_SIZE'] = brokers;
  const before = await infraStatus();
  const wasRunning = [before.kafka, ...before.otherBrokers, before.postgres].every((c) => c.state === 'running');
  const infra = await ensureInfra();
  const { pattern, rest } = pathPattern(others);
  const jest = spawnSync(
    process.execPath,
    ['node_modules/jest/bin/jest.js', '--testPathPatterns', pattern, '--runInBand', '--forceExit', ...rest],
    {
      stdio: 'inherit',
      timeout: RUN_LIMIT_MINUTES * 60_000,
      killSignal: 'SIGKILL',
      env: {
        ...process.env,
        KAFKA_BROKERS: infra.kafkaBrokers,
        // The super user: every Kafka client a test makes without credentials of its own acts as the operator.
        ...(infra.kafkaSasl && kafkaSaslEnv(infra.kafkaSasl)),
        // the server, on its maintenance database: a test makes its own database there
        DATABASE_URL: infra.databaseUrl,
        ENLACE_INFRA_JSON: JSON.stringify(infra),
      },
    },
  );
  if (jest.error !== undefined || jest.signal !== null) {
    const timedOut = (jest.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    console.error(
      timedOut
        ? `the tests did not end within ${RUN_LIMIT_MINUTES} minutes (ENLACE_TEST_RUN_LIMIT_MINUTES): stopped`
        : `jest ended abnormally: ${jest.error?.message ?? `signal ${jest.signal}`}`,
    );
  }
  if (!wasRunning && !process.env['ENLACE_KEEP_INFRA']) await stopInfra();
  return jest.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
