// CLI for Enlace's local infrastructure:  tsx deploy/local/infra.ts up [--brokers N]|down|status
import { parseArgs } from 'node:util';
import { ensureInfra, formatStatus, infraStatus, stopInfra } from './src/infra-control';
import { PrerequisiteError } from './src/prerequisites';

const USAGE = 'usage: tsx deploy/local/infra.ts up [--brokers 1|2|3] | down | status';

async function main(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { brokers: { type: 'string' } } });
  const [command] = positionals;
  // --brokers: a KRaft cluster of that many brokers, each its own controller (the first start formats it so; later
  // starts find the size in the state folder). Three give topics three copies with two in sync for a write.
  const env =
    values.brokers === undefined ? process.env : { ...process.env, ENLACE_KAFKA_CLUSTER_SIZE: values.brokers };
  switch (command) {
    case 'up': {
      const started = Date.now();
      const endpoints = await ensureInfra({ env });
      console.log(`infra: up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.log(`infra: KAFKA_BROKERS=${endpoints.kafkaBrokers}`);
      if (endpoints.kafkaSasl) {
        console.log(
          `infra: the broker's super user is ${endpoints.kafkaSasl.username} (SCRAM-SHA-512); ` +
            'its password is in .enlace/kafka/admin-credentials.json',
        );
      }
      if (endpoints.kafkaTls) {
        console.log(
          `infra: over TLS: KAFKA_BROKERS=${endpoints.kafkaTls.brokers} KAFKA_SSL=true ` +
            `KAFKA_SSL_CA_FILE=${endpoints.kafkaTls.caFile}`,
        );
      }
      if (!endpoints.external.postgres) console.log(`infra: DATABASE_URL=${endpoints.databaseUrl}`);
      return 0;
    }
    case 'down':
      await stopInfra({ env });
      return 0;
    case 'status':
      console.log(formatStatus(await infraStatus({ env })));
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof PrerequisiteError) {
      console.error(`infra: ${err.message}`);
      process.exitCode = 3;
    } else {
      console.error(`infra: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    }
  },
);
