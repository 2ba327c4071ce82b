import { randomBytes } from 'node:crypto';
import { AuditEntry, AuditLogStore, auditKeyId } from '@enlace/audit';
import { MessageValidator } from '@enlace/contracts';
import {
  DirectoryMember,
  InMemoryMemberDirectory,
  NodeKeys,
  NodeStatementSigner,
  NodeStatementVerifier,
  generateNodeKeys,
} from '@enlace/envelope';
import {
  KafkaEnvelopePublisher,
  TopicNames,
  createKafkaClient,
  parseBrokerList,
  provisionNetworkTopics,
} from '@enlace/messaging';
import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { readTopicRecords, testInfra, uniqueName } from '@enlace/testing';
import { Kafka } from 'kafkajs';
import type { CourierConfig } from '../config/courier.config';
import { AUDIT_CHECKPOINT_JWS_TYP, AuditCheckpointPublisher } from './audit-checkpoint.publisher';

async function member(country: string): Promise<{ keys: NodeKeys; entry: DirectoryMember }> {
  const { nodeKeys, publicKeys } = await generateNodeKeys(country);
  return {
    keys: nodeKeys,
    entry: {
      country,
      nodeId: `${country.toLowerCase()}-node-1`,
      organisations: [`${country} national focal point`],
      ...publicKeys,
      validFrom: '2020-01-01T00:00:00.000Z',
    },
  };
}

const entry = (n: number): AuditEntry => ({
  at: new Date().toISOString(),
  actor: { username: 'co.focal', country: 'CO', roles: ['focal-point'] },
  action: 'GET /api/v1/referrals/:id',
  resource: { referral: `referral-${n}` },
  outcome: 200,
});

/** CO's courier anchoring CO's audit log on the real broker, read from the real PostgreSQL. */
describe('AuditCheckpointPublisher (on the real broker and PostgreSQL)', () => {
  const network = uniqueName('int-audit-cp');
  let kafka: Kafka;
  let publisher: KafkaEnvelopePublisher;
  let scratch: ScratchDatabase<NodeDatabase>;

  beforeAll(async () => {
    kafka = createKafkaClient({ brokers: parseBrokerList(testInfra().kafkaBrokers), clientId: 'int-audit-cp' });
    publisher = new KafkaEnvelopePublisher(kafka);
    await provisionNetworkTopics(kafka, { network, countries: ['CO', 'EC'] });
    scratch = await ScratchDatabase.forNode('int_courier_audit_cp');
  }, 60_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await scratch?.drop();
  });

  it("should publish the log's head signed by the node, once per head, verifiable against the directory", async () => {
    const [co, ec] = await Promise.all([member('CO'), member('EC')]);
    const directory = new InMemoryMemberDirectory([co.entry, ec.entry]);
    const bytes = new Uint8Array(randomBytes(32));
    const log = new AuditLogStore(scratch.db, { key: { id: auditKeyId(bytes), key: bytes } });
    const config = { network, country: 'CO', auditCheckpointMs: 60_000 } as CourierConfig;
    const checkpoints = new AuditCheckpointPublisher(
      config,
      new AuditLogStore(scratch.db),
      publisher,
      new NodeStatementSigner(co.keys),
      new MessageValidator(),
    );

    expect(await checkpoints.publishOnce()).toBeUndefined(); // an empty log has nothing to anchor
    for (let n = 1; n <= 5; n++) await log.append(entry(n));
    const first = await checkpoints.publishOnce();
    expect(await checkpoints.publishOnce()).toBeUndefined(); // the head did not move
    const head = await log.append(entry(6));
    const second = await checkpoints.publishOnce();

    expect(first).toMatchObject({ country: 'CO', sequence: 5, count: 5 });
    expect(second).toMatchObject({ country: 'CO', sequence: 6, count: 6, headMac: head.hash });
    const records = await readTopicRecords(kafka, TopicNames.auditCheckpoints(network), 2);
    expect(records.map((record) => record.key)).toEqual(['CO', 'CO']);
    const verifier = new NodeStatementVerifier(directory);
    const statements = await Promise.all(
      records.map((record) => verifier.verify(AUDIT_CHECKPOINT_JWS_TYP, record.value.toString('utf8'))),
    );
    expect(statements).toEqual([first, second]);
    // facts of the log only: nothing of a record (actor, action, resource) leaves the node
    expect(records.map((record) => record.value.toString('utf8')).join()).not.toMatch(/co\.focal|referral-/);
    expect(Object.keys(second ?? {}).sort()).toEqual(
      ['at', 'checkpointId', 'count', 'country', 'headMac', 'network', 'sequence'].sort(),
    );
  }, 60_000);
});
