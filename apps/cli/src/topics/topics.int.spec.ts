import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { PrincipalNames, TopicNames, createKafkaClient, parseBrokerList } from '@enlace/messaging';
import { testInfra, uniqueName } from '@enlace/testing';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ConfigResourceTypes,
  ResourcePatternTypes,
} from 'kafkajs';

// Each call starts the real CLI (tsx) on a machine that may be busy.
jest.setTimeout(60_000);

const run = promisify(execFile);
const infra = testInfra();
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** `enlace topics provision ... --json` as an operator runs it, with the broker's administrator's credentials. */
async function provision(
  network: string,
  extra: string[] = [],
): Promise<{ created: string[]; existing: string[]; aclsApplied: number }> {
  const env = {
    ...process.env,
    KAFKA_BROKERS: infra.kafkaBrokers,
    ...(infra.kafkaSasl && {
      KAFKA_SASL_MECHANISM: infra.kafkaSasl.mechanism,
      KAFKA_SASL_USERNAME: infra.kafkaSasl.username,
      KAFKA_SASL_PASSWORD: infra.kafkaSasl.password,
    }),
  };
  const args = ['tsx', 'apps/cli/src/main.ts', 'topics', 'provision', '--network', network, '--countries', 'CO,EC'];
  const { stdout } = await run('npx', [...args, '--replication-factor', '1', '--json', ...extra], {
    cwd: REPO_ROOT,
    env,
  });
  return JSON.parse(stdout) as { created: string[]; existing: string[]; aclsApplied: number };
}

describe('enlace topics provision', () => {
  const network = uniqueName('cli');
  const kafka = createKafkaClient({
    brokers: parseBrokerList(infra.kafkaBrokers),
    clientId: 'cli-topics-test',
    ...(infra.kafkaSasl && { sasl: infra.kafkaSasl }),
  });
  const admin = kafka.admin();

  beforeAll(async () => {
    await admin.connect();
  });

  afterAll(async () => {
    await admin.disconnect();
  });

  it("should create the network's topics, keep dead letters for the days asked, and say so as JSON", async () => {
    const result = await provision(network, ['--dead-letter-retention-days', '30']);

    const expected = [
      TopicNames.inbox(network, 'CO'),
      TopicNames.inbox(network, 'EC'),
      TopicNames.deadLetter(network, 'CO'),
      TopicNames.deadLetter(network, 'EC'),
      TopicNames.directory(network),
      TopicNames.deadlines(network),
      TopicNames.heartbeats(network),
      TopicNames.statistics(network),
      TopicNames.auditCheckpoints(network),
    ];
    expect([...result.created].sort()).toEqual([...expected].sort());
    expect(await admin.listTopics()).toEqual(expect.arrayContaining(expected));
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: TopicNames.deadLetter(network, 'CO'), configNames: ['retention.ms'] },
      ],
    });
    expect(resources[0]?.configEntries[0]?.configValue).toBe(String(30 * 86_400_000));
  });

  (infra.kafkaSasl ? it : it.skip)(
    'should give each member exactly its part: CO reads its own inbox only',
    async () => {
      const { resources } = await admin.describeAcls({
        resourceType: AclResourceTypes.TOPIC,
        resourcePatternType: ResourcePatternTypes.ANY,
        principal: `User:${PrincipalNames.country(network, 'CO')}`,
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
        host: '*',
      });
      const reads = resources
        .filter((resource) => resource.acls.some((acl) => acl.operation === AclOperationTypes.READ))
        .map((resource) => resource.resourceName)
        .sort();
      expect(reads).toEqual([TopicNames.directory(network), TopicNames.inbox(network, 'CO')].sort());
    },
  );

  it('should leave everything as it was when run again', async () => {
    const again = await provision(network);
    expect(again.created).toEqual([]);
    expect(again.existing).toHaveLength(9);
  });
});
