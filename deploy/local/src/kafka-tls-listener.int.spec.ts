import { mkdtemp, readFile, rm, mkdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKafkaClient, type KafkaSaslCredentials, type KafkaTlsSettings } from '@enlace/messaging';
import { testInfra, uniqueName } from '@enlace/testing';
import type { Kafka } from 'kafkajs';
import { ensureInfra, stopInfra, type InfraEndpoints } from './infra-control';
import { findFreeBasePort } from './network/free-ports';

const infra = testInfra();
/** The broker started by the project: its TLS listener, or a broker of this test's own from the same jars. */
const local = infra.kafkaSasl !== undefined && (infra.kafkaTls !== undefined || infra.kafkaLibsDir !== undefined);

/**
 * A broker of this test's own, started with the project's launcher in a fresh state folder on free ports (used when
 * the shared broker was started before it had a TLS listener: restarting it would disturb every other run). Its
 * database side is the shared server, so only Kafka is started; the jars are the shared ones.
 */
async function startPrivateBroker(): Promise<{ endpoints: InfraEndpoints; stop: () => Promise<void> }> {
  const home = await mkdtemp(join(tmpdir(), 'enlace-tls-'));
  await mkdir(join(home, 'kafka'), { recursive: true });
  await symlink(infra.kafkaLibsDir as string, join(home, 'kafka', 'libs'));
  const base = await findFreeBasePort([0, 1, 2]);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    ...(process.env['JAVA_HOME'] && { JAVA_HOME: process.env['JAVA_HOME'] }),
    ENLACE_HOME: home,
    ENLACE_KAFKA_PORT: String(base),
    ENLACE_KAFKA_CONTROLLER_PORT: String(base + 1),
    ENLACE_KAFKA_TLS_PORT: String(base + 2),
    DATABASE_URL: infra.databaseUrl,
  };
  const quiet = (): void => undefined;
  try {
    return {
      endpoints: await ensureInfra({ env, log: quiet }),
      stop: async () => {
        await stopInfra({ env, log: quiet });
        await rm(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopInfra({ env, log: quiet }).catch(() => undefined);
    await rm(home, { recursive: true, force: true });
    throw error;
  }
}

/** The message of a refused connection and of its causes, in one line. */
async function refusalOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (error) {
    const messages: string[] = [];
    for (let at = error as { message?: string; cause?: unknown } | undefined; at; at = at.cause as typeof at) {
      messages.push(at.message ?? String(at));
    }
    return messages.join(' <- ');
  }
  throw new Error('the broker accepted the connection');
}

(local ? describe : describe.skip)('the local broker’s TLS listener (SASL_SSL)', () => {
  let tlsBrokers: string[];
  let caFile: string;
  let ca: string;
  let admin: KafkaSaslCredentials;
  let stopPrivate: (() => Promise<void>) | undefined;

  const client = (clientId: string, tls: KafkaTlsSettings | null | undefined, retries = 2): Kafka => {
    const kafka = createKafkaClient({ brokers: tlsBrokers, clientId, sasl: admin, tls, retries });
    return kafka;
  };

  beforeAll(async () => {
    let endpoints: Pick<InfraEndpoints, 'kafkaTls' | 'kafkaSasl'> = infra;
    if (infra.kafkaTls === undefined) {
      const started = await startPrivateBroker();
      stopPrivate = started.stop;
      endpoints = started.endpoints;
    }
    if (endpoints.kafkaTls === undefined || endpoints.kafkaSasl === undefined) {
      throw new Error('the launcher started a broker without a TLS listener');
    }
    tlsBrokers = [endpoints.kafkaTls.brokers];
    caFile = endpoints.kafkaTls.caFile;
    ca = await readFile(caFile, 'utf8');
    admin = endpoints.kafkaSasl;
  }, 240_000);

  afterAll(async () => {
    await stopPrivate?.();
  }, 60_000);

  it('should carry a record from a producer to a consumer through the TLS listener, trusting the local authority', async () => {
    const kafka = client('tls-round-trip', { ca });
    const topic = uniqueName('tls-');
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    try {
      await kafkaAdmin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    } finally {
      await kafkaAdmin.disconnect();
    }
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'case-1', value: 'sealed envelope over TLS' }] });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: uniqueName('tls-group-') });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no record over TLS within 30 s')), 30_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            clearTimeout(timer);
            resolve(message.value?.toString('utf8') ?? '');
          },
        });
      });
      expect(received).toBe('sealed envelope over TLS');
    } finally {
      await consumer.disconnect();
    }
  }, 120_000);

  it('should refuse a client that does not trust the local authority', async () => {
    // KAFKA_SSL=true without KAFKA_SSL_CA_FILE: only the public authorities Node knows are trusted
    const kafka = client('tls-untrusting', {}, 0);
    const kafkaAdmin = kafka.admin();

    const refusal = await refusalOf(async () => {
      await kafkaAdmin.connect();
      await kafkaAdmin.listTopics();
    });
    await kafkaAdmin.disconnect().catch(() => undefined);

    // node's words for a chain that ends in an authority it does not trust
    expect(refusal).toMatch(/self[- ]signed certificate in certificate chain/);
  }, 60_000);

  it('should refuse a client that speaks without TLS to the TLS listener', async () => {
    const kafka = client('tls-plaintext', null, 0);
    const kafkaAdmin = kafka.admin();

    await expect(
      (async () => {
        await kafkaAdmin.connect();
        await kafkaAdmin.listTopics();
      })(),
    ).rejects.toThrow();
    await kafkaAdmin.disconnect().catch(() => undefined);
  }, 60_000);

  it('should take TLS from KAFKA_SSL and KAFKA_SSL_CA_FILE of the process, with no code of its own', async () => {
    const saved = { ssl: process.env['KAFKA_SSL'], ca: process.env['KAFKA_SSL_CA_FILE'] };
    process.env['KAFKA_SSL'] = 'true';
    process.env['KAFKA_SSL_CA_FILE'] = caFile;
    try {
      const kafkaAdmin = client('tls-from-env', undefined).admin();
      await kafkaAdmin.connect();
      try {
        const cluster = await kafkaAdmin.describeCluster();
        expect(cluster.brokers.map((broker) => `${broker.host}:${broker.port}`)).toEqual(tlsBrokers);
      } finally {
        await kafkaAdmin.disconnect();
      }
    } finally {
      for (const [name, value] of [
        ['KAFKA_SSL', saved.ssl],
        ['KAFKA_SSL_CA_FILE', saved.ca],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }, 60_000);
});
