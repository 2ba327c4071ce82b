import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageValidator } from '@enlace/contracts';
import {
  DirectoryAuthority,
  NodeStatementSigner,
  NodeStatementTypes,
  NodeStatementVerifier,
  generateNodeKeys,
  type GeneratedNodeKeys,
  type NodeKeys,
} from '@enlace/envelope';
import {
  DirectoryEntryPublisher,
  InboundRecord,
  KafkaEnvelopePublisher,
  KafkaMemberDirectory,
  TopicNames,
  createKafkaClient,
  openNetworkMemberDirectory,
  parseBrokerList,
  provisionNetworkTopics,
  type ListedMemberDirectory,
} from '@enlace/messaging';
import { MetricsRegistry } from '@enlace/observability';
import { ScratchDatabase } from '@enlace/store';
import { eventually, testInfra, uniqueName } from '@enlace/testing';
import type { Kafka } from 'kafkajs';
import type { MonitorConfig } from '../config/monitor.config';
import type { MonitorDatabase } from '../database/monitor-database.schema';
import { migrateMonitorDatabase } from '../database/monitor-migrations';
import { MonitorEventBus } from '../events/monitor-event.bus';
import { NodesHttpController } from '../nodes/nodes.http.controller';
import { NodeHealthRepository } from '../nodes/persistence/node-health.repository';
import { OverdueRepository } from '../overdue/persistence/overdue.repository';
import { DeadLetterRecordIngestor } from './dead-letter-record.ingestor';
import { DeadlineRecordIngestor } from './deadline-record.ingestor';
import { AuditCheckpointRecordIngestor } from './audit-checkpoint-record.ingestor';
import { HeartbeatRecordIngestor } from './heartbeat-record.ingestor';
import { InboxRecordIngestor } from './inbox-record.ingestor';
import { MonitorConsumerService } from './monitor-consumer.service';
import { SignedStatementReader, refusedStatementsCounter } from './signed-statement.reader';
import { StatisticsRecordIngestor } from './statistics-record.ingestor';

/**
 * The monitor's consumers on the real broker and PostgreSQL: a heartbeat or overdue announcement counts only when the
 * country it names signed it with a key of the signed directory the network publishes (read as the monitor reads it,
 * with the trust anchors), and heartbeats are read while the counting of envelopes is stuck.
 */
describe(MonitorConsumerService, () => {
  const infra = testInfra();
  const network = uniqueName('signed');
  let kafka: Kafka;
  let publisher: KafkaEnvelopePublisher;
  let scratch: ScratchDatabase<MonitorDatabase>;
  let co: NodeKeys;
  let ec: NodeKeys;
  let folder: string;
  let directory: ListedMemberDirectory;
  let nodesView: NodesHttpController;
  let overdue: OverdueRepository;
  let metrics: MetricsRegistry;
  let service: MonitorConsumerService;
  /** The inbox ingestor stands for slow counting: it holds every batch until released. */
  const inboxBatches: InboundRecord[][] = [];
  let releaseInbox: () => void = () => undefined;
  const inboxReleased = new Promise<void>((resolve) => {
    releaseInbox = resolve;
  });

  const instanceIds: Record<string, string> = { CO: randomUUID(), EC: randomUUID() };
  const heartbeat = (country: string, sentAt: Date): Record<string, unknown> & { country: string } => ({
    heartbeatId: randomUUID(),
    network,
    country,
    component: 'courier',
    instanceId: instanceIds[country] ?? randomUUID(),
    startedAt: '2026-01-01T00:00:00.000Z',
    sentAt: sentAt.toISOString(),
    intervalMs: 5_000,
    inboxLag: 0,
  });
  const announcement = (country: string, counterpart: string): Record<string, unknown> & { country: string } => ({
    announcementId: randomUUID(),
    network,
    country,
    counterpart,
    protocol: 'referral',
    step: 'delivered',
    caseRef: randomUUID(),
    dueAt: '2026-03-01T00:00:00.000Z',
    announcedAt: '2026-03-02T00:00:00.000Z',
  });
  const send = (topic: string, key: string, value: string) => publisher.publish(topic, [{ key, value }]);
  const nodeOf = async (country: string) => (await nodesView.list()).items.find((item) => item.country === country);
  const refused = async (kind: string, reason: string) =>
    (await refusedStatementsCounter(metrics).get()).values.find(
      (value) => value.labels['kind'] === kind && value.labels['reason'] === reason,
    )?.value ?? 0;

  beforeAll(async () => {
    kafka = createKafkaClient({
      brokers: parseBrokerList(infra.kafkaBrokers),
      clientId: 'int-monitor-signed',
      sasl: infra.kafkaSasl ?? null,
    });
    publisher = new KafkaEnvelopePublisher(kafka);
    await provisionNetworkTopics(kafka, { network, countries: ['CO', 'EC'], partitions: 1 });
    scratch = await ScratchDatabase.create('int_monitor_signed', migrateMonitorDatabase);
    const [coKeys, ecKeys] = await Promise.all([generateNodeKeys('CO'), generateNodeKeys('EC')]);
    co = coKeys.nodeKeys;
    ec = ecKeys.nodeKeys;
    // the network's directory as the authority publishes it: CO and EC signed by the trust anchor, and a record for
    // BO that no trust anchor signed
    folder = await mkdtemp(join(tmpdir(), 'enlace-monitor-directory-'));
    const authority = await DirectoryAuthority.open(join(folder, 'authority'), network);
    const entries = new DirectoryEntryPublisher(publisher, network);
    const issue = async (country: string, keys: GeneratedNodeKeys) => {
      const [signingKey, encryptionKey] = [keys.publicKeys.signingKeys[0], keys.publicKeys.encryptionKeys[0]];
      if (!signingKey || !encryptionKey) throw new Error('no keys');
      const issued = await authority.issue({
        country,
        nodeId: `${country.toLowerCase()}-1`,
        organisations: [{ name: `${country} focal point` }],
        signingKey,
        encryptionKey,
        validFrom: '2020-01-01T00:00:00.000Z',
      });
      await entries.publish([{ country, signed: issued.signed }]);
    };
    await issue('CO', coKeys);
    await issue('EC', ecKeys);
    await entries.publish([{ country: 'BO', signed: 'eyJhbGciOiJFZERTQSJ9.e30.c2lnbmF0dXJl' }]);
    directory = await openNetworkMemberDirectory(kafka, {
      network,
      reader: 'monitor',
      trustAnchorsFile: authority.trustAnchorsFile,
      log: { log: () => undefined, warn: () => undefined, error: () => undefined },
    });
    metrics = new MetricsRegistry({ defaultMetrics: false });
    const statements = new SignedStatementReader(
      new NodeStatementVerifier(directory),
      new MessageValidator(),
      refusedStatementsCounter(metrics),
    );
    const nodes = new NodeHealthRepository(scratch.db);
    overdue = new OverdueRepository(scratch.db);
    nodesView = new NodesHttpController(nodes, directory);
    const events = new MonitorEventBus();
    const holdingInbox = {
      ingest: async (records: readonly InboundRecord[]) => {
        inboxBatches.push([...records]);
        await inboxReleased;
      },
    };
    service = new MonitorConsumerService(
      { network } as MonitorConfig,
      kafka,
      holdingInbox as unknown as InboxRecordIngestor,
      { ingest: async () => undefined } as unknown as DeadLetterRecordIngestor,
      new DeadlineRecordIngestor(statements, overdue, events),
      new HeartbeatRecordIngestor(statements, nodes, events),
      { ingest: async () => undefined } as unknown as StatisticsRecordIngestor,
      { ingest: async () => undefined } as unknown as AuditCheckpointRecordIngestor,
      directory,
    );
    // the consumers start once the directory topic was read to its end
    service.onApplicationBootstrap();
    await (directory as KafkaMemberDirectory).start();
  }, 120_000);

  afterAll(async () => {
    releaseInbox();
    await service?.beforeApplicationShutdown();
    if (directory instanceof KafkaMemberDirectory) await directory.stop();
    await publisher?.disconnect();
    await scratch?.drop();
    if (folder) await rm(folder, { recursive: true, force: true });
  }, 60_000);

  describe('heartbeats', () => {
    it('should show a node as its own signed heartbeats say, and ignore forged ones in its name', async () => {
      // given CO's genuine heartbeat, read
      const genuineAt = new Date();
      await send(
        TopicNames.heartbeats(network),
        'CO',
        await new NodeStatementSigner(co).sign(NodeStatementTypes.heartbeat, heartbeat('CO', genuineAt)),
      );
      await eventually(async () => ((await nodeOf('CO'))?.status === 'up' ? true : undefined), {
        what: "CO's genuine heartbeat",
      });
      const before = await nodeOf('CO');
      expect(before?.lastHeartbeatAt).toBe(genuineAt.toISOString());

      // when EC's node, and an outsider, write later heartbeats in CO's name: in clear, with EC's key under EC's
      // key id, with an outsider's key under CO's key id; and a plain JSON heartbeat for EC
      const later = new Date(genuineAt.getTime() + 60_000);
      const outsider = (await generateNodeKeys('CO')).nodeKeys;
      const forgedKeys: NodeKeys = { ...outsider, signing: { ...outsider.signing, kid: co.signing.kid } };
      await send(TopicNames.heartbeats(network), 'CO', JSON.stringify(heartbeat('CO', later)));
      await send(
        TopicNames.heartbeats(network),
        'CO',
        await new NodeStatementSigner({ ...ec, country: 'CO' }).sign(
          NodeStatementTypes.heartbeat,
          heartbeat('CO', later),
        ),
      );
      await send(
        TopicNames.heartbeats(network),
        'CO',
        await new NodeStatementSigner(forgedKeys).sign(NodeStatementTypes.heartbeat, heartbeat('CO', later)),
      );
      await send(TopicNames.heartbeats(network), 'EC', JSON.stringify(heartbeat('EC', later)));
      // and then EC's genuine heartbeat, behind them on the same partition
      const ecAt = new Date();
      await send(
        TopicNames.heartbeats(network),
        'EC',
        await new NodeStatementSigner(ec).sign(NodeStatementTypes.heartbeat, heartbeat('EC', ecAt)),
      );

      // then EC shows from its genuine heartbeat only, CO is as its own heartbeat left it, and each forgery counted
      const atEc = await eventually(
        async () => {
          const node = await nodeOf('EC');
          return node?.status === 'up' ? node : undefined;
        },
        { what: "EC's genuine heartbeat" },
      );
      expect(atEc.lastHeartbeatAt).toBe(ecAt.toISOString());
      expect(await nodeOf('CO')).toMatchObject({ lastHeartbeatAt: genuineAt.toISOString() });
      expect(await refused('heartbeat', 'unsigned')).toBe(2);
      expect(await refused('heartbeat', 'unverified')).toBe(2);
    }, 60_000);

    it('should refuse a heartbeat signed with a key the signed directory does not hold', async () => {
      // given the members the monitor learnt from the directory topic: those a trust anchor signed, no other
      expect(
        directory
          .members()
          .map((member) => member.country)
          .sort(),
      ).toEqual(['CO', 'EC']);
      const before = await refused('heartbeat', 'unverified');

      // when PE, never issued, and BO, whose record no trust anchor signed, beat with keys of their own; and a key
      // made for EC but never published beats under EC's name
      const beatAt = new Date(Date.now() + 180_000);
      for (const country of ['PE', 'BO']) {
        const keys = (await generateNodeKeys(country)).nodeKeys;
        await send(
          TopicNames.heartbeats(network),
          country,
          await new NodeStatementSigner(keys).sign(NodeStatementTypes.heartbeat, heartbeat(country, beatAt)),
        );
      }
      const unpublished = (await generateNodeKeys('EC')).nodeKeys;
      await send(
        TopicNames.heartbeats(network),
        'EC',
        await new NodeStatementSigner(unpublished).sign(NodeStatementTypes.heartbeat, heartbeat('EC', beatAt)),
      );
      // and, behind them on EC's partition, EC's heartbeat with its published key
      const ecAt = new Date(Date.now() + 240_000);
      await send(
        TopicNames.heartbeats(network),
        'EC',
        await new NodeStatementSigner(ec).sign(NodeStatementTypes.heartbeat, heartbeat('EC', ecAt)),
      );

      // then only the published key counts: EC's last heartbeat is the one signed with it, PE and BO never show
      await eventually(async () => ((await nodeOf('EC'))?.lastHeartbeatAt === ecAt.toISOString() ? true : undefined), {
        what: "EC's heartbeat under its published key",
      });
      expect(await refused('heartbeat', 'unverified')).toBe(before + 3);
      expect(await nodeOf('PE')).toBeUndefined();
      expect(await nodeOf('BO')).toBeUndefined();
    }, 60_000);

    it('should read heartbeats while the counting of envelopes is stuck', async () => {
      // given the inbox ingestor holding a batch of CO's inbox (released at the end of this test)
      await send(TopicNames.inbox(network, 'CO'), randomUUID(), 'an envelope being counted');
      await eventually(async () => (inboxBatches.length > 0 ? true : undefined), { what: 'the inbox batch' });

      try {
        // when CO's courier beats
        const beatAt = new Date(Date.now() + 120_000);
        await send(
          TopicNames.heartbeats(network),
          'CO',
          await new NodeStatementSigner(co).sign(NodeStatementTypes.heartbeat, heartbeat('CO', beatAt)),
        );

        // then the nodes view has it within seconds, the inbox batch still held
        await eventually(
          async () => ((await nodeOf('CO'))?.lastHeartbeatAt === beatAt.toISOString() ? true : undefined),
          { what: "CO's heartbeat while the inbox is stuck", timeoutMs: 15_000 },
        );
        expect(inboxBatches).toHaveLength(1);
      } finally {
        releaseInbox();
      }
    }, 60_000);
  });

  describe('overdue announcements', () => {
    it('should keep an announcement signed by the country it names and ignore one forged in its name', async () => {
      // given an announcement in CO's name signed with EC's key, one in clear, and then CO's genuine one
      const forgedSigned = announcement('CO', 'PE');
      const forgedClear = announcement('CO', 'PE');
      const genuine = announcement('CO', 'EC');
      await send(
        TopicNames.deadlines(network),
        String(forgedSigned['caseRef']),
        await new NodeStatementSigner({ ...ec, country: 'CO' }).sign(NodeStatementTypes.deadlineOverdue, forgedSigned),
      );
      await send(TopicNames.deadlines(network), String(forgedClear['caseRef']), JSON.stringify(forgedClear));
      // a genuine heartbeat of CO replayed onto the deadlines topic is of the wrong type
      await send(
        TopicNames.deadlines(network),
        'CO',
        await new NodeStatementSigner(co).sign(NodeStatementTypes.heartbeat, heartbeat('CO', new Date())),
      );
      await send(
        TopicNames.deadlines(network),
        String(genuine['caseRef']),
        await new NodeStatementSigner(co).sign(NodeStatementTypes.deadlineOverdue, genuine),
      );

      // then only the genuine one is listed, and the three others are counted as refused
      const listed = await eventually(
        async () => {
          const items = await overdue.list({ state: 'all', limit: 100 });
          return items.length > 0 ? items : undefined;
        },
        { what: "CO's genuine announcement" },
      );
      expect(listed.map((item) => item.caseRef)).toEqual([genuine['caseRef']]);
      expect(await refused('deadline', 'unverified')).toBe(2);
      expect(await refused('deadline', 'unsigned')).toBe(1);
    }, 60_000);
  });
});
