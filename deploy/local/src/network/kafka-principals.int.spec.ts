import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConsumerGroups,
  TopicNames,
  applyNetworkAcls,
  createKafkaClient,
  networkAcls,
  parseBrokerList,
  provisionNetworkTopics,
  type KafkaSaslCredentials,
} from '@enlace/messaging';
import { testInfra, uniqueName } from '@enlace/testing';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { upsertScramUsers } from '../scram-users';
import { ensurePrincipalCredentials, type NetworkPrincipals } from './kafka-principals';

const infra = testInfra();

/** How kafkajs words the broker's error code 30, GROUP_AUTHORIZATION_FAILED, in its protocol log. */
const GROUP_AUTHORIZATION_FAILED = 'Not authorized to access group: Group authorization failed';
const local = infra.kafkaSasl !== undefined && infra.kafkaLibsDir !== undefined;

/**
 * How a refused call ends: the error's name, and the broker's error code, which kafkajs gives as `type` on the
 * protocol error (itself, or the cause of the error it is wrapped in).
 */
async function refusalOf(call: () => Promise<unknown>): Promise<{ name?: string; type?: string }> {
  try {
    await call();
  } catch (error) {
    let type: string | undefined;
    for (let at = error as { type?: string; cause?: unknown } | undefined; at && !type; at = at.cause as typeof at) {
      type = at.type;
    }
    return { name: (error as Error).name, type };
  }
  throw new Error('the broker allowed it');
}

// The broker started by the project authenticates and authorises; an external one is not ours to configure.
(local ? describe : describe.skip)('the network principals on the real broker', () => {
  const network = uniqueName('acl');
  const brokers = parseBrokerList(infra.kafkaBrokers);
  let folder: string;
  let principals: NetworkPrincipals;
  const as = (credentials: KafkaSaslCredentials | undefined, clientId: string): Kafka => {
    if (!credentials) throw new Error('no credentials');
    return createKafkaClient({ brokers, clientId, sasl: credentials });
  };
  const countryOf = (country: string) => as(principals.countries[country], `acl-${country}`);

  async function produce(kafka: Kafka, topic: string, value: string, idempotent = true): Promise<void> {
    const producer = kafka.producer({ idempotent, maxInFlightRequests: 1, retry: { retries: 1 } });
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages: [{ key: 'case-1', value }] });
    } finally {
      await producer.disconnect();
    }
  }

  /** The records of a topic, read in the group from the start. */
  async function readAll(kafka: Kafka, groupId: string, topic: string, count: number): Promise<string[]> {
    const consumer = kafka.consumer({ groupId, retry: { retries: 0 } });
    const values: string[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${values.length} records of ${topic}`)), 20_000);
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          clearTimeout(timer);
          reject(payload.error);
        });
        void consumer.run({
          eachMessage: async ({ message }) => {
            values.push(message.value?.toString() ?? '');
            if (values.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return values;
  }

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'enlace-acl-'));
    const admin = createKafkaClient({ brokers, clientId: 'acl-admin', sasl: infra.kafkaSasl });
    await provisionNetworkTopics(admin, { network, countries: ['CO', 'EC'] });
    principals = await ensurePrincipalCredentials(folder, network, ['CO', 'EC']);
    await upsertScramUsers(
      {
        kafkaBrokers: infra.kafkaBrokers,
        admin: infra.kafkaSasl as KafkaSaslCredentials,
        libsDir: infra.kafkaLibsDir as string,
      },
      [...Object.values(principals.countries), principals.monitor, principals.directoryAuthority],
    );
    await applyNetworkAcls(admin, networkAcls(network, ['CO', 'EC']));
  }, 120_000);

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('should let a country write to another country’s inbox, and that country read it in its own group', async () => {
    await produce(countryOf('CO'), TopicNames.inbox(network, 'EC'), 'from CO');

    const read = await readAll(
      countryOf('EC'),
      `${ConsumerGroups.countryPrefix(network, 'EC')}test`,
      TopicNames.inbox(network, 'EC'),
      1,
    );

    expect(read).toEqual(['from CO']);
  }, 60_000);

  it('should refuse a country reading another country’s inbox (TOPIC_AUTHORIZATION_FAILED)', async () => {
    const refusal = await refusalOf(() =>
      readAll(countryOf('CO'), `${ConsumerGroups.countryPrefix(network, 'CO')}spy`, TopicNames.inbox(network, 'EC'), 1),
    );

    expect(refusal.type).toBe('TOPIC_AUTHORIZATION_FAILED');
  }, 60_000);

  it('should refuse a country a consumer group of another country (GROUP_AUTHORIZATION_FAILED)', async () => {
    // kafkajs reports the refusal as "no group coordinator"; the broker's own answer is in its protocol log.
    const answers: string[] = [];
    const co = new Kafka({
      clientId: 'acl-co-group',
      brokers,
      sasl: { ...principals.countries['CO'] } as SASLOptions,
      logLevel: logLevel.DEBUG,
      logCreator: () => (entry) => {
        const { message, error } = entry.log as { message: string; error?: string };
        if (message.startsWith('Response GroupCoordinator') && error) answers.push(error);
      },
    });

    const refusal = await refusalOf(() =>
      readAll(co, ConsumerGroups.courierInbox(network, 'EC'), TopicNames.inbox(network, 'CO'), 1),
    );

    expect(refusal.name).toBe('KafkaJSGroupCoordinatorNotFound');
    expect(answers).toContain(GROUP_AUTHORIZATION_FAILED);
  }, 60_000);

  it('should refuse a country writing to another country’s dead letters, or to the directory', async () => {
    const deadLetters = await refusalOf(() => produce(countryOf('CO'), TopicNames.deadLetter(network, 'EC'), 'x'));
    const directory = await refusalOf(() => produce(countryOf('CO'), TopicNames.directory(network), 'x'));

    expect(deadLetters.type).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(directory.type).toBe('TOPIC_AUTHORIZATION_FAILED');
  }, 60_000);

  it('should let the monitor read any inbox and write only to inboxes (redrive), nowhere else', async () => {
    const monitor = as(principals.monitor, 'acl-monitor');
    const read = await readAll(
      monitor,
      `${ConsumerGroups.monitorPrefix(network)}.test`,
      TopicNames.inbox(network, 'EC'),
      1,
    );
    const refusals = await Promise.all(
      [
        TopicNames.deadLetter(network, 'CO'),
        TopicNames.directory(network),
        TopicNames.deadlines(network),
        TopicNames.heartbeats(network),
        TopicNames.statistics(network),
        TopicNames.auditCheckpoints(network),
      ].map((topic) => refusalOf(() => produce(monitor, topic, 'x'))),
    );

    expect(read).toEqual(['from CO']);
    expect(refusals.map((r) => r.type)).toEqual(Array(6).fill('TOPIC_AUTHORIZATION_FAILED'));
    await expect(produce(monitor, TopicNames.inbox(network, 'CO'), 'redriven')).resolves.toBeUndefined();
  }, 60_000);

  it('should refuse the monitor another principal’s consumer group (GROUP_AUTHORIZATION_FAILED)', async () => {
    const answers: string[] = [];
    const monitor = new Kafka({
      clientId: 'acl-monitor-group',
      brokers,
      sasl: { ...principals.monitor } as SASLOptions,
      logLevel: logLevel.DEBUG,
      logCreator: () => (entry) => {
        const { message, error } = entry.log as { message: string; error?: string };
        if (message.startsWith('Response GroupCoordinator') && error) answers.push(error);
      },
    });

    await refusalOf(() =>
      readAll(monitor, ConsumerGroups.courierInbox(network, 'CO'), TopicNames.inbox(network, 'CO'), 1),
    );

    expect(answers).toContain(GROUP_AUTHORIZATION_FAILED);
  }, 60_000);

  it('should let only the directory authority write the directory', async () => {
    await expect(
      produce(as(principals.directoryAuthority, 'acl-authority'), TopicNames.directory(network), 'entry'),
    ).resolves.toBeUndefined();
    const inbox = await refusalOf(() =>
      produce(as(principals.directoryAuthority, 'acl-authority'), TopicNames.inbox(network, 'EC'), 'x'),
    );
    expect(inbox.type).toBe('TOPIC_AUTHORIZATION_FAILED');
  }, 60_000);

  it('should refuse a wrong password', async () => {
    const wrong = { ...(principals.countries['CO'] as KafkaSaslCredentials), password: 'not-it' };
    const refusal = await refusalOf(() => produce(as(wrong, 'acl-wrong'), TopicNames.inbox(network, 'EC'), 'x'));

    expect(refusal.name).toBe('KafkaJSSASLAuthenticationError');
  }, 60_000);
});
