// Runs the integration and end-to-end tests against the local Kafka and FerretDB: starts them when they are not
// running (and stops them afterwards, leaving a machine as it was), or uses KAFKA_BROKERS / MONGODB_URI.
import { spawnSync } from 'node:child_process';
import { kafkaSaslEnv } from '@enlace/messaging';
import { ensureInfra, infraStatus, stopInfra } from '../deploy/local/src';

async function main(): Promise<number> {
  const before = await infraStatus();
  const wasRunning = before.kafka.state === 'running' && before.ferretdb.state === 'running';
  const infra = await ensureInfra();
  const args = process.argv.slice(2);
  const names = args.filter((arg) => !arg.startsWith('-'));
  const options = args.filter((arg) => arg.startsWith('-'));
  const jest = spawnSync(
    process.execPath,
    [
      'node_modules/jest/bin/jest.js',
      '--testPathPatterns',
      // `npm run test:int -- return outbox` runs the int/e2e suites whose path matches one of the words.
      `${names.length > 0 ? `(${names.join('|')}).*` : ''}\\.(int|e2e)\\.spec\\.ts$`,
      '--runInBand',
      ...options,
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        KAFKA_BROKERS: infra.kafkaBrokers,
        // The super user: every Kafka client a test makes without credentials of its own acts as the operator.
        ...(infra.kafkaSasl && kafkaSaslEnv(infra.kafkaSasl)),
        MONGODB_URI: infra.mongodbUri,
        ENLACE_INFRA_JSON: JSON.stringify(infra),
      },
    },
  );
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
