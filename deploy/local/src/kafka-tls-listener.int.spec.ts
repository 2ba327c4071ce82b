import { readFile } from 'node:fs/promises';
import { createKafkaClient, type KafkaSaslCredentials, type KafkaTlsSettings } from '@enlace/messaging';
import { testInfra, uniqueName } from '@enlace/testing';
import type { Kafka } from 'kafkajs';
import type { InfraEndpoints } from './infra-control';
import { startPrivateKafka } from './private-kafka';

const infra = testInfra();
/** The broker started by the project: its TLS listener, or a broker of this test's own from the same jars. */
const local = infra.kafkaSasl !== undefined && (infra.kafkaTls !== undefined || infra.kafkaLibsDir !== undefined);

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
      // the shared broker was started before it had a TLS listener: restarting it would disturb every other run
      const started = await startPrivateKafka({
        kafkaLibsDir: infra.kafkaLibsDir as string,
        databaseUrl: infra.databaseUrl,
      });
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
