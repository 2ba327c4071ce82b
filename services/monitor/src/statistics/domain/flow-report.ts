import { Corridor } from './envelope-facts';
import { StoredContainer, containerId, decodeType, encodeType } from './statistics-increment';
import { Granularity, bucketAddress } from './time-buckets';

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

/** The container documents a corridor's window lives in, by _id. */
export function containerIdsFor(corridor: Corridor, starts: readonly Date[], granularity: Granularity): string[] {
  return [...new Set(starts.map((start) => containerId(corridor, bucketAddress(start, granularity).container)))];
}

/** A corridor's counts over the buckets of a window, from its container documents (absent ones count zero). */
export function corridorFlow(
  corridor: Corridor,
  starts: readonly Date[],
  granularity: Granularity,
  containers: ReadonlyMap<string, StoredContainer>,
  type?: string,
): CorridorFlowView {
  const wanted = type === undefined ? undefined : encodeType(type);
  const byType: Record<string, number> = {};
  let total = 0;
  const buckets = starts.map((start) => {
    const { container, slot } = bucketAddress(start, granularity);
    const counts = containers.get(containerId(corridor, container))?.b?.[slot]?.n ?? {};
    const bucket: FlowBucketView = { start: start.toISOString(), count: 0, byType: {} };
    for (const [key, count] of Object.entries(counts)) {
      if (wanted !== undefined && key !== wanted) continue;
      const name = decodeType(key);
      bucket.byType[name] = count;
      bucket.count += count;
      byType[name] = (byType[name] ?? 0) + count;
    }
    total += bucket.count;
    return bucket;
  });
  return { from: corridor.from, to: corridor.to, total, byType, buckets };
}
