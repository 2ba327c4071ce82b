import { randomBytes, randomUUID } from 'node:crypto';
import { MessageValidator, type StatisticsReportV1 } from '@enlace/contracts';
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
  RegionalStatisticsRepository,
  SignedStatementReader,
  StatisticsRecordIngestor,
  refusedStatementsCounter,
  migrateMonitorDatabase,
  regionalStatisticsCsv,
  regionalStatisticsRows,
  type MonitorDatabase,
} from '@enlace/monitor';
import { StatisticsReportRelayService, type CourierConfig } from '@enlace/courier';
import {
  NodeTransactions,
  ProtocolCaseRepository,
  SealedCaseContent,
  StatisticsReportService,
  type NodeApiConfig,
} from '@enlace/node-api';
import { MetricsRegistry } from '@enlace/observability';
import { CaseKeyStore, PersonalDataVault } from '@enlace/privacy';
import { NodeDatabase, ScratchDatabase, StatisticsReportStore } from '@enlace/store';
import { readTopicRecords, testInfra, uniqueName } from '@enlace/testing';
import type { Kafka } from 'kafkajs';

/*
 * A node holds a cell of 3 persons (3 women among 23 referrals CO -> EC in March) and a group of 3 (returns CO -> PE).
 * Its API counts and suppresses, its courier signs and produces to the statistics topic, and the monitor verifies
 * and keeps the report: on the real PostgreSQL and Kafka, each part as its service builds it. The record read raw
 * from the broker never holds the 3, nor a set of published numbers from which it follows, nor a name or a case id.
 */
type Referral = { fromCountry: string; toCountry: string; status: string };

const MONTH = '2026-03';
const OPENED = new Date('2026-03-10T12:00:00Z');
const KEK = { kid: 'test', key: randomBytes(32) };

describe('regional statistics, from the node to the monitor (e2e, real Kafka and PostgreSQL)', () => {
  const infra = testInfra();
  const network = uniqueName('stats');
  const marker = `Statmark${randomBytes(4).toString('hex')}`;
  const caseIds: string[] = [];
  let kafka: Kafka;
  let publisher: KafkaEnvelopePublisher;
  let node: ScratchDatabase<NodeDatabase>;
  let monitorDb: ScratchDatabase<MonitorDatabase>;
  let directory: MemberDirectory;
  let signer: NodeStatementSigner;
  let published: StatisticsReportV1;
  let raw: string;

  beforeAll(async () => {
    kafka = createKafkaClient({
      brokers: parseBrokerList(infra.kafkaBrokers),
      clientId: 'e2e-statistics',
      sasl: infra.kafkaSasl ?? null,
    });
    publisher = new KafkaEnvelopePublisher(kafka);
    await provisionNetworkTopics(kafka, { network, countries: ['CO', 'EC', 'PE'] });
    node = await ScratchDatabase.forNode('e2e_stats_node');
    monitorDb = await ScratchDatabase.create<MonitorDatabase>('e2e_stats_monitor', migrateMonitorDatabase);
    const { nodeKeys, publicKeys } = await generateNodeKeys('CO');
    const entry = {
      country: 'CO',
      nodeId: 'co-1',
      organisations: [],
      ...publicKeys,
      validFrom: '2020-01-01T00:00:00Z',
    };
    directory = { member: (country) => (country === 'CO' ? entry : undefined) };
    signer = new NodeStatementSigner(nodeKeys);
  }, 120_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await node?.drop();
    await monitorDb?.drop();
  }, 60_000);

  it('should count, suppress and queue the month at the node: the cell of 3 is "<11" with a withheld complement', async () => {
    // given 20 men, 3 women referred CO -> EC, and 3 persons returned CO -> PE, every name holding the marker
    const transactions = new NodeTransactions(node.db);
    const sealing = new SealedCaseContent(new PersonalDataVault(new CaseKeyStore(node.db, KEK)), transactions);
    const referrals = new ProtocolCaseRepository<Referral>(transactions, 'referral', sealing);
    const returns = new ProtocolCaseRepository<Referral>(transactions, 'return', sealing);
    const reintegrations = new ProtocolCaseRepository<Referral>(transactions, 'reintegration', sealing);
    const people = [
      ...Array.from({ length: 20 }, () => ({ repository: referrals, toCountry: 'EC', gender: 'Masculine' })),
      ...Array.from({ length: 3 }, () => ({ repository: referrals, toCountry: 'EC', gender: 'Feminine' })),
      ...Array.from({ length: 3 }, () => ({ repository: returns, toCountry: 'PE', gender: 'Feminine' })),
    ];
    for (const [i, { repository, toCountry, gender }] of people.entries()) {
      const id = randomUUID();
      caseIds.push(id);
      await repository.insert({
        _id: id,
        protocol: repository.protocol,
        direction: 'outgoing',
        state: { fromCountry: 'CO', toCountry, status: 'sent' },
        person: { firstName: `${marker}${i}`, birthdate: '1999-05-01', gender, nationality: 'CO' },
        details: { reason: 'Other', servicesRequested: ['LabourExploitationRehabilitation'], urgency: 'low' },
        timeline: [],
        outbox: [],
        version: 1,
        createdAt: OPENED,
        updatedAt: OPENED,
      });
    }
    const config = { network, country: 'CO', statisticsThreshold: 11 } as NodeApiConfig;
    const service = new StatisticsReportService(
      config,
      new StatisticsReportStore(node.db),
      new MessageValidator(),
      referrals,
      returns,
      reintegrations,
    );

    // when a supervisor asks for March
    published = await service.publish(MONTH);

    // then the referral group shows its total, the 3 women as "<11" and the 20 men withheld; the group of 3 shows "<11"
    const referral = published.groups.find((group) => group.protocol === 'referral');
    expect(referral?.total).toBe(23);
    expect(referral?.breakdowns.sex).toEqual({
      cells: [
        { category: 'Feminine', count: '<11' },
        { category: 'Masculine', count: 'withheld' },
      ],
    });
    const returned = published.groups.find((group) => group.protocol === 'return');
    expect(returned?.total).toBe('<11');
    expect(Object.values(returned?.breakdowns ?? {}).every((breakdown) => 'withheld' in breakdown)).toBe(true);
  }, 60_000);

  it('should put on the statistics topic a signed record that never holds the 3, a name or a case id', async () => {
    // when the courier relays what the node queued
    const relay = new StatisticsReportRelayService(
      { network, country: 'CO', databaseUrl: node.url, relayPollMs: 60_000 } as CourierConfig,
      new StatisticsReportStore(node.db),
      publisher,
      signer,
    );
    await expect(relay.relayOnce()).resolves.toBe(1);

    // then the one record on the topic, read raw from the broker, is a JWS whose payload is the report
    const [record] = await readTopicRecords(kafka, TopicNames.statistics(network), 1);
    expect(record?.key).toBe('CO');
    raw = record?.value.toString('utf8') ?? '';
    const payload = JSON.parse(
      Buffer.from(raw.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as StatisticsReportV1;
    expect(payload).toEqual(published);
    const text = `${raw}\n${JSON.stringify(payload)}`;
    // no count of 3 anywhere (the only numbers published are 23 and 11, k), no name, no case id
    expect(numbersIn(payload).sort((a, b) => a - b)).toEqual([11, 23, 23, 23, 23]);
    expect(text).not.toContain(marker);
    for (const id of caseIds) expect(text).not.toContain(id);
    // and the sex breakdown leaves the women's count anywhere in 1..10: 23 = women + men, women <= 10, men >= 11
    const group = payload.groups.find((candidate) => candidate.protocol === 'referral');
    const total = group?.total as number;
    const sex = group?.breakdowns.sex as { cells: { category: string; count: number | string }[] };
    expect(sex.cells.map((cell) => cell.count).sort()).toEqual(['<11', 'withheld']);
    const feasible = Array.from({ length: 10 }, (_, v) => v + 1).filter((women) => total - women >= 11);
    expect(feasible).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  }, 60_000);

  it('should verify the record against the directory at the monitor and show the cell as "<11" in its table and CSV', async () => {
    // given the monitor's ingestor with the directory, and a forged copy of the record
    const reports = new RegionalStatisticsRepository(monitorDb.db);
    const metrics = new MetricsRegistry({ defaultMetrics: false });
    const ingestor = new StatisticsRecordIngestor(
      new SignedStatementReader(
        new NodeStatementVerifier(directory),
        new MessageValidator(),
        refusedStatementsCounter(metrics),
      ),
      reports,
    );
    const [header, payload, signature] = raw.split('.');
    const changed = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as StatisticsReportV1;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...changed, month: '2026-02' })).toString('base64url')}.${signature}`;
    const record = (value: string, offset: number): InboundRecord =>
      ({
        topic: TopicNames.statistics(network),
        partition: 0,
        offset: String(offset),
        key: 'CO',
        value: Buffer.from(value),
        headers: {},
      }) as unknown as InboundRecord;

    // and an older report of the same node and month, properly signed, arriving after it
    const older = await signer.sign('enlace-statistics+jws', {
      ...changed,
      reportId: randomUUID(),
      generatedAt: '2026-03-01T00:00:00.000Z',
    });

    // when the three are ingested
    await ingestor.ingest([record(raw, 0), record(forged, 1), record(older, 2)]);

    // then only the latest signed one is kept, and the table shows the suppressed cell as "<11"
    const kept = await reports.latest();
    expect(kept.map((report) => [report.month, report.reportId])).toEqual([[MONTH, published.reportId]]);
    const refused = (await refusedStatementsCounter(metrics).get()).values;
    expect(refused.map((value) => [value.labels['kind'], value.labels['reason'], value.value])).toEqual([
      ['statistics', 'unverified', 1],
    ]);
    const rows = regionalStatisticsRows(kept);
    expect(rows).toContainEqual({
      reportedBy: 'CO',
      month: MONTH,
      protocol: 'referral',
      fromCountry: 'CO',
      toCountry: 'EC',
      dimension: 'sex',
      category: 'Feminine',
      count: '<11',
    });
    expect(regionalStatisticsCsv(rows)).toContain('CO,2026-03,referral,CO,EC,sex,Feminine,<11\r\n');
    expect(regionalStatisticsCsv(rows)).toContain('CO,2026-03,return,CO,PE,total,all,<11\r\n');
  }, 60_000);
});

/** Every number in a JSON value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}
