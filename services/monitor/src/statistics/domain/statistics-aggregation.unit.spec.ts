import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { GAMMA, binValue, delayBin, delayPercentiles } from './delay-histogram';
import { corridorDelays } from './delay-report';
import { EnvelopeFacts } from './envelope-facts';
import { corridorFlow } from './flow-report';
import { IncrementBatch } from './increment-batch';
import { StatisticsBuckets } from './statistics-buckets';
import { StatisticsCounter, counterName, delayMeasured, envelopeCounted } from './statistics-increment';
import { Granularity, bucketCount, bucketsBetween } from './time-buckets';

const CO_EC = { from: 'CO', to: 'EC' };

function envelope(type: string, sentAt: string, corridor = CO_EC): EnvelopeFacts {
  return { id: randomUUID(), type, ...corridor, sentAt: new Date(sentAt), correlationId: randomUUID() };
}

/**
 * The store in memory: what the persistence layer does with a batch (adds each increment to its counter, made at
 * zero when new), done on plain objects, so that the aggregation can be tested as given / when / then without a
 * database.
 */
function applyBatch(batch: IncrementBatch, store = new Map<string, StatisticsCounter>()) {
  for (const { by, ...counter } of batch.entries()) {
    const name = counterName(counter);
    store.set(name, { ...counter, count: (store.get(name)?.count ?? 0) + by });
  }
  return store;
}

function given(...batches: IncrementBatch[]) {
  const store = new Map<string, StatisticsCounter>();
  for (const batch of batches) applyBatch(batch, store);
  const read = (granularity: Granularity) =>
    new StatisticsBuckets([...store.values()].filter((counter) => counter.granularity === granularity));
  return {
    flows(since: string, until: string, granularity: Granularity, type?: string) {
      const starts = bucketsBetween(new Date(since), new Date(until), granularity);
      return corridorFlow(CO_EC, starts, read(granularity), type);
    },
    delays(since: string, until: string, granularity: Granularity) {
      const starts = bucketsBetween(new Date(since), new Date(until), granularity);
      return corridorDelays(CO_EC, starts, read(granularity));
    },
  };
}

const counted = (...envelopes: EnvelopeFacts[]) => new IncrementBatch().add(envelopes.flatMap(envelopeCounted));

describe('flow statistics', () => {
  it('should count envelopes per type in the hour, day and month of their sentAt', () => {
    // given three envelopes in one corridor over two hours, and one in the other direction
    const stats = given(
      counted(
        envelope('referral.requested.v1', '2025-03-14T09:05:00Z'),
        envelope('referral.requested.v1', '2025-03-14T09:55:00Z'),
        envelope('referral.withdrawn.v1', '2025-03-14T10:01:00Z'),
        envelope('referral.accepted.v1', '2025-03-14T09:30:00Z', { from: 'EC', to: 'CO' }),
      ),
    );

    // when the corridor is read by hour, by day and by month
    const hourly = stats.flows('2025-03-14T09:00:00Z', '2025-03-14T12:00:00Z', 'hour');
    const daily = stats.flows('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z', 'day');
    const monthly = stats.flows('2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'month');

    // then each view holds the same three envelopes of CO -> EC, in the right buckets
    expect(hourly.buckets.map((bucket) => bucket.count)).toEqual([2, 1, 0]);
    expect(hourly.byType).toEqual({ 'referral.requested.v1': 2, 'referral.withdrawn.v1': 1 });
    expect(daily.buckets).toHaveLength(31);
    expect(daily.buckets[13]).toEqual({
      start: '2025-03-14T00:00:00.000Z',
      count: 3,
      byType: { 'referral.requested.v1': 2, 'referral.withdrawn.v1': 1 },
    });
    expect(monthly.total).toBe(3);
    expect(monthly.buckets[2]?.count).toBe(3);
  });

  it('should filter by message type', () => {
    const stats = given(
      counted(
        envelope('referral.requested.v1', '2025-03-14T09:05:00Z'),
        envelope('receipt.delivered.v1', '2025-03-14T09:05:01Z'),
      ),
    );

    const flows = stats.flows('2025-03-14T00:00:00Z', '2025-03-15T00:00:00Z', 'day', 'receipt.delivered.v1');

    expect(flows.total).toBe(1);
    expect(flows.byType).toEqual({ 'receipt.delivered.v1': 1 });
  });

  it('should add up batches written one after another as if written at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 - 1 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        (minutes, split) => {
          const envelopes = minutes.map((minute) =>
            envelope('referral.requested.v1', new Date(Date.UTC(2025, 2, 14) + minute * 60_000).toISOString()),
          );
          const at = Math.min(split, envelopes.length);
          const whole = given(counted(...envelopes));
          const parts = given(counted(...envelopes.slice(0, at)), counted(...envelopes.slice(at)));
          const window = ['2025-03-14T00:00:00Z', '2025-03-17T00:00:00Z'] as const;

          expect(parts.flows(...window, 'hour')).toEqual(whole.flows(...window, 'hour'));
          expect(whole.flows(...window, 'hour').total).toBe(envelopes.length);
          expect(whole.flows(...window, 'day').total).toBe(envelopes.length);
        },
      ),
    );
  });

  it('should merge the increments of one counter in a batch', () => {
    const batch = counted(
      envelope('referral.requested.v1', '2025-03-14T09:05:10Z'),
      envelope('referral.requested.v1', '2025-03-14T09:05:40Z'),
    );

    // One counter each of their minute, hour, day and month, each counting both.
    expect(batch.size).toBe(4);
    expect(batch.entries()).toContainEqual({
      granularity: 'hour',
      bucketStart: new Date('2025-03-14T09:00:00Z'),
      from: 'CO',
      to: 'EC',
      measure: 'envelopes',
      key: 'referral.requested.v1',
      by: 2,
    });
  });
});

describe('delay statistics', () => {
  it('should give the median, 95th and 99th percentiles within 5 % of the exact values', () => {
    // given a hundred delivery delays of 1..100 seconds on envelopes sent on one day
    const batch = new IncrementBatch();
    for (let second = 1; second <= 100; second++) {
      batch.add(delayMeasured('delivery', CO_EC, new Date('2025-03-14T09:00:00Z'), second * 1000));
    }
    batch.add(delayMeasured('answer', CO_EC, new Date('2025-03-14T09:00:00Z'), 3_600_000));

    // when read over that day
    const delays = given(batch).delays('2025-03-14T00:00:00Z', '2025-03-15T00:00:00Z', 'day');

    // then
    expect(delays.delivery.count).toBe(100);
    for (const [percentile, exact] of [
      [delays.delivery.p50Ms, 50_000],
      [delays.delivery.p95Ms, 95_000],
      [delays.delivery.p99Ms, 99_000],
    ] as const) {
      expect(Math.abs((percentile as number) - exact) / exact).toBeLessThanOrEqual(0.05);
    }
    expect(delays.answer).toMatchObject({ count: 1 });
    expect(Math.abs((delays.answer.p50Ms as number) - 3_600_000) / 3_600_000).toBeLessThanOrEqual(0.05);
    expect(delays.buckets[0]?.delivery.count).toBe(100);
  });

  it('should say nothing of percentiles when nothing was measured', () => {
    expect(delayPercentiles(undefined)).toEqual({ count: 0, p50Ms: null, p95Ms: null, p99Ms: null });
  });

  it('should put every delay in a bin whose value is within the relative error', () => {
    fc.assert(
      fc.property(fc.double({ min: 2, max: 3e10, noNaN: true }), (delay) => {
        const error = Math.abs(binValue(delayBin(delay)) - delay) / delay;
        expect(error).toBeLessThanOrEqual((GAMMA - 1) / (GAMMA + 1) + 1e-9);
      }),
    );
    expect(delayBin(0)).toBe(0);
    expect(delayBin(-5)).toBe(0);
  });
});

describe(bucketCount, () => {
  it('should agree with the buckets it counts', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        fc.constantFrom<Granularity>('minute', 'hour', 'day', 'month'),
        (since, span, granularity) => {
          const until = new Date(since.getTime() + span);
          fc.pre(granularity !== 'hour' || span < 40 * 86_400_000);
          fc.pre(granularity !== 'minute' || span < 2 * 86_400_000);
          expect(bucketCount(since, until, granularity)).toBe(bucketsBetween(since, until, granularity).length);
        },
      ),
    );
  });
});
