import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AuditLogStore, ensureAuditKeyFile, verifyAuditChain, type AuditKey } from '@enlace/audit';
import { MessageValidator } from '@enlace/contracts';
import { AuditCheckpointPublisher, type CourierConfig } from '@enlace/courier';
import { NodeStatementSigner, NodeStatementVerifier, generateNodeKeys, type MemberDirectory } from '@enlace/envelope';
import {
  KafkaEnvelopePublisher,
  TopicNames,
  createKafkaClient,
  parseBrokerList,
  provisionNetworkTopics,
  type InboundRecord,
} from '@enlace/messaging';
import {
  AuditCheckpointRecordIngestor,
  AuditCheckpointRepository,
  migrateMonitorDatabase,
  type MonitorDatabase,
} from '@enlace/monitor';
import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { readTopicRecords, testInfra, uniqueName } from '@enlace/testing';
import type { Kafka } from 'kafkajs';

/*
 * CO's audit log anchored at the secretariat, each part as its service builds it, on the real Kafka and PostgreSQL:
 * node-api's store seals the records with CO's audit key, the courier signs and publishes the head, the monitor
 * verifies the checkpoint against the directory and keeps it; the operator then cuts the log's tail and re-seals
 * nothing, and the audit with the checkpoint the monitor kept tells the cut, which the log alone cannot.
 */
describe('audit checkpoints, from the node to the monitor and back to an audit (e2e, real Kafka and PostgreSQL)', () => {
  const infra = testInfra();
  const network = uniqueName('auditcp');
  let kafka: Kafka;
  let publisher: KafkaEnvelopePublisher;
  let node: ScratchDatabase<NodeDatabase>;
  let monitorDb: ScratchDatabase<MonitorDatabase>;
  let dir: string;
  let key: AuditKey;

  beforeAll(async () => {
    kafka = createKafkaClient({
      brokers: parseBrokerList(infra.kafkaBrokers),
      clientId: 'e2e-audit-checkpoint',
      sasl: infra.kafkaSasl ?? null,
    });
    publisher = new KafkaEnvelopePublisher(kafka);
    await provisionNetworkTopics(kafka, { network, countries: ['CO', 'EC'] });
    node = await ScratchDatabase.forNode('e2e_auditcp_node');
    monitorDb = await ScratchDatabase.create<MonitorDatabase>('e2e_auditcp_monitor', migrateMonitorDatabase);
    dir = await mkdtemp(path.join(tmpdir(), 'enlace-auditcp-'));
    key = await ensureAuditKeyFile(path.join(dir, 'co.audit-key.json'));
  }, 120_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await node?.drop();
    await monitorDb?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('should anchor the sealed log at the monitor, and tell a tail cut afterwards', async () => {
    const { nodeKeys, publicKeys } = await generateNodeKeys('CO');
    const entry = {
      country: 'CO',
      nodeId: 'co-1',
      organisations: [],
      ...publicKeys,
      validFrom: '2020-01-01T00:00:00Z',
    };
    const directory: MemberDirectory = { member: (country) => (country === 'CO' ? entry : undefined) };
    const log = new AuditLogStore(node.db, { key });
    for (let n = 1; n <= 20; n++) {
      await log.append({
        at: new Date().toISOString(),
        actor: { username: `co.worker${n % 2}`, country: 'CO', roles: ['case-worker'] },
        action: 'GET /api/v1/returns/:id/person',
        resource: { return: `return-${randomBytes(4).toString('hex')}` },
        outcome: 200,
      });
    }

    // the courier anchors the head
    const config = { network, country: 'CO', auditCheckpointMs: 60_000 } as CourierConfig;
    const courier = new AuditCheckpointPublisher(
      config,
      new AuditLogStore(node.db),
      publisher,
      new NodeStatementSigner(nodeKeys),
      new MessageValidator(),
    );
    await courier.publishOnce();
    // the monitor reads the topic, verifies and keeps
    const [record] = await readTopicRecords(kafka, TopicNames.auditCheckpoints(network), 1);
    const kept = new AuditCheckpointRepository(monitorDb.db);
    const ingestor = new AuditCheckpointRecordIngestor(
      new NodeStatementVerifier(directory),
      new MessageValidator(),
      kept,
    );
    const inbound = {
      topic: TopicNames.auditCheckpoints(network),
      partition: 0,
      offset: '0',
      key: Buffer.from('CO'),
      headers: {},
      value: record?.value,
    } as unknown as InboundRecord;
    await ingestor.ingest([inbound]);
    const checkpoint = await kept.latest('CO');
    expect(checkpoint).toMatchObject({ country: 'CO', sequence: 20, count: 20 });

    // the operator cuts the last five records
    await node.db.deleteFrom('audit_log').where('seq', '>', '15').execute();

    expect(await verifyAuditChain(log.records(), { key })).toMatchObject({ intact: true, records: 15 });
    expect(
      await verifyAuditChain(log.records(), {
        key,
        checkpoint: {
          sequence: checkpoint?.sequence ?? 0,
          headMac: checkpoint?.headMac ?? '',
          at: checkpoint?.at ?? '',
        },
      }),
    ).toMatchObject({ intact: false, records: 15, firstBroken: 16 });
  }, 90_000);
});
