import { RECEIPT_TYPE } from '@enlace/contracts';
import {
  EnvelopeDraftHeader,
  EnvelopeSealer,
  EnvelopeVerifier,
  InMemoryMemberDirectory,
  generateNodeKeys,
} from '@enlace/envelope';
import { InboundRecord } from '@enlace/messaging';
import { ScratchDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { MonitorDatabase } from '../database/monitor-database.schema';
import { migrateMonitorDatabase } from '../database/monitor-migrations';
import { MonitorEvent, MonitorEventBus } from '../events/monitor-event.bus';
import { OverdueRepository } from '../overdue/persistence/overdue.repository';
import { StatisticsQueryService } from '../statistics/application/statistics-query.service';
import { statisticsWindow } from '../statistics/application/statistics-window';
import { ConversationRepository } from '../statistics/persistence/conversation.repository';
import { EnvelopeTraceRepository } from '../statistics/persistence/envelope-trace.repository';
import { StatisticsRepository } from '../statistics/persistence/statistics.repository';
import { EnvelopeHeaderReader } from './envelope-header.reader';
import { InboxRecordIngestor } from './inbox-record.ingestor';

const NETWORK = 'monitor-int';
let offset = 0;

describe(InboxRecordIngestor, () => {
  let scratch: ScratchDatabase<MonitorDatabase>;
  let db: Kysely<MonitorDatabase>;
  let sealers: Record<'CO' | 'EC', EnvelopeSealer>;
  let ingestor: InboxRecordIngestor;
  let reports: StatisticsQueryService;
  let overdue: OverdueRepository;
  const events: MonitorEvent[] = [];

  beforeAll(async () => {
    scratch = await ScratchDatabase.create('int_monitor_ingest', migrateMonitorDatabase);
    db = scratch.db;

    const [co, ec] = await Promise.all(['CO', 'EC'].map((country) => generateNodeKeys(country)));
    if (!co || !ec) throw new Error('unreachable');
    const member = (country: string, keys: typeof co) => ({
      country,
      nodeId: `${country.toLowerCase()}-node-1`,
      organisations: [`${country} national focal point`],
      ...keys.publicKeys,
      validFrom: '2020-01-01T00:00:00.000Z',
    });
    const directory = new InMemoryMemberDirectory([member('CO', co), member('EC', ec)]);
    sealers = {
      CO: new EnvelopeSealer(co.nodeKeys, directory, NETWORK),
      EC: new EnvelopeSealer(ec.nodeKeys, directory, NETWORK),
    };
    const bus = new MonitorEventBus();
    bus.events.subscribe((event) => events.push(event));
    const statistics = new StatisticsRepository(db);
    overdue = new OverdueRepository(db);
    reports = new StatisticsQueryService(statistics);
    ingestor = new InboxRecordIngestor(
      new EnvelopeHeaderReader(new EnvelopeVerifier(directory, NETWORK)),
      db,
      new EnvelopeTraceRepository(),
      new ConversationRepository(),
      statistics,
      overdue,
      bus,
    );
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  /** A record of the addressee's inbox topic holding an envelope that `from` sealed and signed. */
  async function sent(
    from: 'CO' | 'EC',
    header: Partial<EnvelopeDraftHeader> & { sentAt: string },
  ): Promise<{ id: string; record: InboundRecord }> {
    const to = from === 'CO' ? 'EC' : 'CO';
    const draft: EnvelopeDraftHeader = {
      id: randomUUID(),
      type: 'referral.requested.v1',
      to,
      caseId: randomUUID(),
      correlationId: randomUUID(),
      schema: 'urn:enlace:schema:referral.requested:v1',
      ...header,
    };
    const wire = await sealers[from].seal(draft, { note: 'never read by the monitor' });
    const record: InboundRecord = {
      topic: `enlace.${NETWORK}.inbox.${to}`,
      partition: 0,
      offset: String(offset++),
      key: Buffer.from(draft.caseId),
      value: Buffer.from(wire),
      headers: {},
    };
    return { id: draft.id, record };
  }

  const receiptOf = (envelope: { id: string }, from: 'CO' | 'EC', sentAt: string) =>
    sent(from, {
      type: RECEIPT_TYPE,
      causationId: envelope.id,
      schema: 'urn:enlace:schema:receipt.delivered:v1',
      sentAt,
    });

  async function report(day: string, corridor: { from: string; to: string }) {
    const window = statisticsWindow({ since: `${day}T00:00:00Z`, until: `${day}T23:59:59Z`, granularity: 'day' });
    const [flows, delays] = await Promise.all([reports.flows(corridor, window), reports.delays(corridor, window)]);
    return { flows: flows.corridors[0], delays: delays.corridors[0] };
  }

  describe('ingest', () => {
    it('should count a record once, read twice in one batch, again later and in four batches at once', async () => {
      const records = await Promise.all(
        [1, 2, 3].map((minute) => sent('CO', { sentAt: `2025-01-10T09:0${minute}:00Z` })),
      );
      const batch = records.map((r) => r.record);

      await ingestor.ingest([...batch, ...batch]);
      await ingestor.ingest(batch);
      await Promise.all([1, 2, 3, 4].map(() => ingestor.ingest([...batch].reverse())));

      const { flows } = await report('2025-01-10', { from: 'CO', to: 'EC' });
      expect(flows?.total).toBe(3);
    });

    it('should measure a delivery delay once, whether the receipt is read before, after or with its envelope', async () => {
      const day = '2025-01-11';
      const first = await sent('CO', { sentAt: `${day}T10:00:00Z` });
      const second = await sent('CO', { sentAt: `${day}T10:00:00Z` });
      const third = await sent('CO', { sentAt: `${day}T10:00:00Z` });
      const receipts = await Promise.all([
        receiptOf(first, 'EC', `${day}T10:00:02Z`),
        receiptOf(second, 'EC', `${day}T10:00:04Z`),
        receiptOf(third, 'EC', `${day}T10:00:08Z`),
      ]);
      const duplicateReceipt = await receiptOf(first, 'EC', `${day}T10:05:00Z`);

      await ingestor.ingest([first.record]);
      await ingestor.ingest([receipts[0]?.record, receipts[1]?.record].flatMap((r) => r ?? []));
      await ingestor.ingest([second.record, third.record, receipts[2]?.record].flatMap((r) => r ?? []));
      await ingestor.ingest([duplicateReceipt.record]);

      const co = await report(day, { from: 'CO', to: 'EC' });
      const ec = await report(day, { from: 'EC', to: 'CO' });
      expect(co.flows?.total).toBe(3);
      expect(co.delays?.delivery.count).toBe(3);
      expect(co.delays?.delivery.p50Ms).toBeGreaterThan(3_600);
      expect(co.delays?.delivery.p50Ms).toBeLessThan(4_400);
      expect(ec.flows?.byType).toEqual({ [RECEIPT_TYPE]: 4 });
      expect(ec.delays?.delivery.count ?? 0).toBe(0);
    });

    it('should count crossing batches at once (each holds an envelope and the receipt of the other) without loss', async () => {
      const day = '2025-01-16';
      const pairs = await Promise.all(
        Array.from({ length: 8 }, async (_, n) => {
          const toEc = await sent('CO', { sentAt: `${day}T11:00:0${n}Z` });
          const toCo = await sent('EC', { sentAt: `${day}T11:00:0${n}Z` });
          const ecReceipt = await receiptOf(toEc, 'EC', `${day}T11:00:1${n}Z`);
          const coReceipt = await receiptOf(toCo, 'CO', `${day}T11:00:1${n}Z`);
          // each addressee's inbox holds an envelope and the receipt of one that went the other way
          return [
            [toEc.record, coReceipt.record],
            [toCo.record, ecReceipt.record],
          ];
        }),
      );

      await Promise.all(pairs.flat().map((batch) => ingestor.ingest(batch)));

      const co = await report(day, { from: 'CO', to: 'EC' });
      const ec = await report(day, { from: 'EC', to: 'CO' });
      expect(co.flows?.byType).toEqual({ 'referral.requested.v1': 8, [RECEIPT_TYPE]: 8 });
      expect(ec.flows?.byType).toEqual({ 'referral.requested.v1': 8, [RECEIPT_TYPE]: 8 });
      expect(co.delays?.delivery.count).toBe(8);
      expect(ec.delays?.delivery.count).toBe(8);
    });

    it('should measure an answer once when the question and its answer are counted by concurrent batches', async () => {
      const day = '2025-01-12';
      const correlationId = randomUUID();
      const question = await sent('CO', { correlationId, sentAt: `${day}T08:00:00Z` });
      const answer = await sent('EC', {
        correlationId,
        type: 'referral.accepted.v1',
        schema: 'urn:enlace:schema:referral.accepted:v1',
        causationId: question.id,
        sentAt: `${day}T09:00:00Z`,
      });

      await Promise.all([ingestor.ingest([question.record]), ingestor.ingest([answer.record])]);
      await ingestor.ingest([question.record, answer.record]);

      const { delays } = await report(day, { from: 'CO', to: 'EC' });
      expect(delays?.answer.count).toBe(1);
      expect(Math.abs((delays?.answer.p50Ms ?? 0) - 3_600_000) / 3_600_000).toBeLessThan(0.05);
    });

    it('should mark an overdue step answered by the first message of its case the late country sends back', async () => {
      const caseId = randomUUID();
      await overdue.recordAll([
        {
          announcementId: randomUUID(),
          country: 'CO',
          counterpart: 'EC',
          protocol: 'referral',
          step: 'answer',
          caseRef: caseId,
          dueAt: new Date('2025-01-13T08:00:00Z'),
          announcedAt: new Date('2025-01-13T08:01:00Z'),
        },
      ]);
      const early = await sent('EC', { caseId, type: 'referral.accepted.v1', sentAt: '2025-01-13T07:00:00Z' });
      const late = await sent('EC', { caseId, type: 'referral.accepted.v1', sentAt: '2025-01-13T09:00:00Z' });
      const later = await sent('EC', { caseId, type: 'referral.accepted.v1', sentAt: '2025-01-13T10:00:00Z' });

      await ingestor.ingest([early.record, later.record, late.record]);

      const [answered] = await overdue.list({ state: 'all', country: 'CO', counterpart: 'EC', limit: 10 });
      expect(answered?.caseRef).toBe(caseId);
      expect(answered?.answeredAt?.toISOString()).toBe('2025-01-13T09:00:00.000Z');
    });

    it('should tell the live stream of each envelope counted, once, after the batch is committed', async () => {
      const envelope = await sent('CO', { sentAt: '2025-01-14T12:00:00Z' });
      const before = events.length;

      await ingestor.ingest([envelope.record, envelope.record]);
      await ingestor.ingest([envelope.record]);

      const told = events.slice(before).filter((event) => event.kind === 'envelope');
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ envelope: { id: envelope.id, from: 'CO', to: 'EC' } });
    });

    it('should count nothing of a record whose signature does not hold', async () => {
      const envelope = await sent('CO', { sentAt: '2025-01-15T12:00:00Z' });
      const wire = (envelope.record.value as Buffer).toString('utf8').split('.');
      const forged = {
        ...envelope.record,
        value: Buffer.from(`${wire[0]}.${wire[1]}.${Buffer.alloc(64).toString('base64url')}`),
      };

      await ingestor.ingest([forged]);

      const { flows } = await report('2025-01-15', { from: 'CO', to: 'EC' });
      expect(flows?.total).toBe(0);
    });
  });
});
