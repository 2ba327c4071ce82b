import { ScratchDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { MonitorDatabase } from '../../database/monitor-database.schema';
import { migrateMonitorDatabase } from '../../database/monitor-migrations';
import { MinuteCountersPruner } from '../application/minute-counters.pruner';
import { StatisticsQueryService } from '../application/statistics-query.service';
import { statisticsWindow } from '../application/statistics-window';
import { EnvelopeFacts } from '../domain/envelope-facts';
import { IncrementBatch } from '../domain/increment-batch';
import { delayMeasured, envelopeCounted } from '../domain/statistics-increment';
import { bucketStart } from '../domain/time-buckets';
import { StatisticsRepository } from './statistics.repository';

function envelope(type: string, sentAt: string, from = 'CO', to = 'EC'): EnvelopeFacts {
  return { id: randomUUID(), type, from, to, sentAt: new Date(sentAt), correlationId: randomUUID() };
}

describe(StatisticsRepository, () => {
  let scratch: ScratchDatabase<MonitorDatabase>;
  let db: Kysely<MonitorDatabase>;
  let statistics: StatisticsRepository;
  let reports: StatisticsQueryService;

  beforeAll(async () => {
    scratch = await ScratchDatabase.create('int_monitor_stats', migrateMonitorDatabase);
    db = scratch.db;
    statistics = new StatisticsRepository(db);
    reports = new StatisticsQueryService(statistics);
  }, 60_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  describe('apply', () => {
    it('should add batches to the counters that the flow and delay reports read', async () => {
      const envelopes = [
        envelope('referral.requested.v1', '2025-03-14T09:05:00Z', 'PE', 'BO'),
        envelope('referral.requested.v1', '2025-03-14T09:55:00Z', 'PE', 'BO'),
        envelope('referral.withdrawn.v1', '2025-03-14T10:01:00Z', 'PE', 'BO'),
      ];
      await statistics.noteCorridors(envelopes);
      await statistics.apply(new IncrementBatch().add(envelopes.flatMap(envelopeCounted)));
      await statistics.apply(
        new IncrementBatch()
          .add(delayMeasured('delivery', { from: 'PE', to: 'BO' }, new Date('2025-03-14T09:05:00Z'), 2_000))
          .add(delayMeasured('answer', { from: 'PE', to: 'BO' }, new Date('2025-03-14T09:05:00Z'), 3_600_000)),
      );

      const window = statisticsWindow({
        since: '2025-03-14T09:00:00Z',
        until: '2025-03-14T12:00:00Z',
        granularity: 'hour',
      });
      const flows = await reports.flows({ from: 'PE', to: 'BO' }, window);
      const delays = await reports.delays({ from: 'PE' }, window);

      expect(flows.corridors).toEqual([
        {
          from: 'PE',
          to: 'BO',
          total: 3,
          byType: { 'referral.requested.v1': 2, 'referral.withdrawn.v1': 1 },
          buckets: [
            { start: '2025-03-14T09:00:00.000Z', count: 2, byType: { 'referral.requested.v1': 2 } },
            { start: '2025-03-14T10:00:00.000Z', count: 1, byType: { 'referral.withdrawn.v1': 1 } },
            { start: '2025-03-14T11:00:00.000Z', count: 0, byType: {} },
          ],
        },
      ]);
      expect(delays.corridors).toHaveLength(1);
      expect(delays.corridors[0]?.delivery.count).toBe(1);
      expect(Math.abs((delays.corridors[0]?.answer.p50Ms ?? 0) - 3_600_000) / 3_600_000).toBeLessThan(0.05);
    });

    it('should lose no increment when 16 batches add to the same counters at once from two pools', async () => {
      // given two processes' pools and 16 batches of 200 envelopes each, all in the same corridor and hour
      const other = await scratch.open(8);
      const writers = [new StatisticsRepository(db), new StatisticsRepository(other)];
      const types = ['referral.requested.v1', 'referral.accepted.v1', 'return.requested.v1', 'receipt.delivered.v1'];
      const batches = Array.from({ length: 16 }, (_, b) => {
        const batch = new IncrementBatch();
        for (let i = 0; i < 200; i++) {
          const sent = envelope(
            types[(b + i) % types.length] as string,
            `2025-06-01T08:${String(i % 60).padStart(2, '0')}:00Z`,
            'SV',
            'GT',
          );
          batch.add(envelopeCounted(sent));
          batch.add(delayMeasured('delivery', sent, sent.sentAt, 1_000 + ((b * 7 + i) % 50) * 100));
        }
        return batch;
      });

      // when all are written at the same time, each counter touched by every batch
      await Promise.all(batches.map((batch, b) => writers[b % 2]?.apply(batch)));

      // then every envelope and every delay is counted, in the hour, the day and the month
      const hour = await statistics.counters(
        'hour',
        [{ from: 'SV', to: 'GT' }],
        new Date('2025-06-01T08:00:00Z'),
        new Date('2025-06-01T09:00:00Z'),
      );
      const sum = (measure: string, counters: typeof hour) =>
        counters.filter((c) => c.measure === measure).reduce((total, c) => total + c.count, 0);
      expect(sum('envelopes', hour)).toBe(3_200);
      expect(sum('delivery', hour)).toBe(3_200);
      expect(hour.filter((c) => c.measure === 'envelopes').map((c) => c.count)).toEqual([800, 800, 800, 800]);
      for (const granularity of ['day', 'month'] as const) {
        const wider = await statistics.counters(
          granularity,
          [{ from: 'SV', to: 'GT' }],
          new Date('2025-06-01T00:00:00Z'),
          new Date('2025-07-01T00:00:00Z'),
        );
        expect(sum('envelopes', wider)).toBe(3_200);
      }
    });
  });

  describe('minute counters', () => {
    it('should count a fresh minute by the minute, and prune minutes older than two days but no hour', async () => {
      const now = new Date();
      const minutes = (ago: number) => new Date(now.getTime() - ago * 60_000).toISOString();
      const fresh = envelope('referral.requested.v1', minutes(3), 'UY', 'PY');
      const recent = [fresh];
      const old = [envelope('referral.requested.v1', minutes(3 * 24 * 60), 'UY', 'PY')];
      await statistics.noteCorridors(recent);
      await statistics.apply(new IncrementBatch().add([...recent, ...old].flatMap(envelopeCounted)));

      const window = statisticsWindow({ since: minutes(10), granularity: 'minute' }, now);
      const flows = await reports.flows({ from: 'UY', to: 'PY' }, window);
      expect(window.starts).toHaveLength(11);
      expect(flows.corridors[0]?.buckets.filter((bucket) => bucket.count > 0)).toEqual([
        expect.objectContaining({ count: 1, byType: { 'referral.requested.v1': 1 } }),
      ]);

      const pruned = await new MinuteCountersPruner(statistics).prune(now);

      expect(pruned).toBeGreaterThanOrEqual(1);
      const corridor = [{ from: 'UY', to: 'PY' }];
      const since = new Date(now.getTime() - 4 * 86_400_000);
      expect(await statistics.counters('minute', corridor, since, now)).toEqual([
        expect.objectContaining({ measure: 'envelopes', bucketStart: bucketStart(fresh.sentAt, 'minute'), count: 1 }),
      ]);
      expect((await statistics.counters('hour', corridor, since, now)).map((c) => c.count)).toEqual([1, 1]);
    });
  });

  describe('noteCorridors', () => {
    it('should keep each corridor once, however often and however concurrently it is noted', async () => {
      const corridors = [
        { from: 'AR', to: 'CL' },
        { from: 'CL', to: 'AR' },
        { from: 'AR', to: 'CL' },
      ];

      await Promise.all([1, 2, 3, 4].map(() => statistics.noteCorridors(corridors)));

      const known = await statistics.listCorridors();
      expect(known.filter((c) => c.from === 'AR' || c.from === 'CL')).toEqual([
        { from: 'AR', to: 'CL' },
        { from: 'CL', to: 'AR' },
      ]);
    });
  });

  describe('counters', () => {
    it('should read only the corridors asked for and the buckets that start in the window', async () => {
      await statistics.apply(
        new IncrementBatch().add(
          [
            envelope('referral.requested.v1', '2025-09-01T23:59:59Z', 'UY', 'PY'),
            envelope('referral.requested.v1', '2025-09-02T00:00:00Z', 'UY', 'PY'),
            envelope('referral.requested.v1', '2025-09-02T23:00:00Z', 'UY', 'PY'),
            envelope('referral.requested.v1', '2025-09-03T00:00:00Z', 'UY', 'PY'),
            envelope('referral.requested.v1', '2025-09-02T12:00:00Z', 'PY', 'UY'),
          ].flatMap(envelopeCounted),
        ),
      );

      const read = await statistics.counters(
        'hour',
        [{ from: 'UY', to: 'PY' }],
        new Date('2025-09-02T00:00:00Z'),
        new Date('2025-09-03T00:00:00Z'),
      );

      expect(read.map((c) => [c.from, c.to, c.bucketStart.toISOString(), c.count]).sort()).toEqual([
        ['UY', 'PY', '2025-09-02T00:00:00.000Z', 1],
        ['UY', 'PY', '2025-09-02T23:00:00.000Z', 1],
      ]);
      expect(await statistics.counters('hour', [], new Date(0), new Date())).toEqual([]);
    });
  });
});
