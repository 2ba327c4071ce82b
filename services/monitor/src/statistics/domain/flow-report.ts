import { Corridor } from './envelope-facts';
import { StatisticsBuckets } from './statistics-buckets';

export interface FlowBucketView {
  start: string;
  count: number;
  byType: Record<string, number>;
}

export interface CorridorFlowView {
  from: string;
  to: string;
  total: number;
  byType: Record<string, number>;
  buckets: FlowBucketView[];
}

/** A corridor's counts over the buckets of a window (buckets without counters count zero). */
export function corridorFlow(
  corridor: Corridor,
  starts: readonly Date[],
  counters: StatisticsBuckets,
  type?: string,
): CorridorFlowView {
  const byType: Record<string, number> = {};
  let total = 0;
  const buckets = starts.map((start) => {
    const bucket: FlowBucketView = { start: start.toISOString(), count: 0, byType: {} };
    for (const [name, count] of Object.entries(counters.get(corridor, start).envelopes)) {
      if (type !== undefined && name !== type) continue;
      bucket.byType[name] = count;
      bucket.count += count;
      byType[name] = (byType[name] ?? 0) + count;
    }
    total += bucket.count;
    return bucket;
  });
  return { from: corridor.from, to: corridor.to, total, byType, buckets };
}
