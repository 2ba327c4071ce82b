import { DelayHistogram } from './delay-histogram';
import { Corridor, corridorKey } from './envelope-facts';
import { DelayKind, StatisticsCounter } from './statistics-increment';

/** The counters of one bucket of one corridor, by what they count. */
export interface BucketCounters {
  /** Envelope counts by message type. */
  readonly envelopes: Readonly<Record<string, number>>;
  readonly delivery: DelayHistogram;
  readonly answer: DelayHistogram;
}

const EMPTY: BucketCounters = { envelopes: {}, delivery: {}, answer: {} };
const bucketName = (corridor: Corridor, start: Date): string => `${corridorKey(corridor)}|${start.toISOString()}`;

/** Counters read for a report, grouped by corridor and bucket; a bucket with no counter reads as empty. */
export class StatisticsBuckets {
  private readonly buckets = new Map<
    string,
    { envelopes: Record<string, number> } & Record<DelayKind, Record<string, number>>
  >();

  constructor(counters: Iterable<StatisticsCounter>) {
    for (const counter of counters) {
      const name = bucketName(counter, counter.bucketStart);
      let bucket = this.buckets.get(name);
      if (!bucket) this.buckets.set(name, (bucket = { envelopes: {}, delivery: {}, answer: {} }));
      const values = bucket[counter.measure];
      values[counter.key] = (values[counter.key] ?? 0) + counter.count;
    }
  }

  get(corridor: Corridor, start: Date): BucketCounters {
    return this.buckets.get(bucketName(corridor, start)) ?? EMPTY;
  }
}
