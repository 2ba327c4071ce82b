import { DelayPercentiles, delayPercentiles, mergeHistograms } from './delay-histogram';
import { Corridor } from './envelope-facts';
import { StatisticsBuckets } from './statistics-buckets';
import { DelayKind } from './statistics-increment';

export interface DelayBucketView {
  start: string;
  delivery: DelayPercentiles;
  answer: DelayPercentiles;
}

export interface CorridorDelaysView {
  from: string;
  to: string;
  delivery: DelayPercentiles;
  answer: DelayPercentiles;
  buckets: DelayBucketView[];
}

/** A corridor's delay percentiles per bucket and over the whole window, merging the buckets' histograms. */
export function corridorDelays(
  corridor: Corridor,
  starts: readonly Date[],
  counters: StatisticsBuckets,
): CorridorDelaysView {
  const all: Record<DelayKind, Record<string, number>[]> = { delivery: [], answer: [] };
  const buckets = starts.map((start) => {
    const bucket = counters.get(corridor, start);
    const delivery = mergeHistograms([bucket.delivery]);
    const answer = mergeHistograms([bucket.answer]);
    all.delivery.push(delivery);
    all.answer.push(answer);
    return { start: start.toISOString(), delivery: delayPercentiles(delivery), answer: delayPercentiles(answer) };
  });
  return {
    from: corridor.from,
    to: corridor.to,
    delivery: delayPercentiles(mergeHistograms(all.delivery)),
    answer: delayPercentiles(mergeHistograms(all.answer)),
    buckets,
  };
}
