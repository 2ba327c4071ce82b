/**
 * Bucket sizes of the statistics; every bucket starts on a UTC boundary. Minutes chart a network's last hours (a
 * fresh one, all of whose traffic is minutes old, among them); they are kept only that long (MINUTE_COUNTERS_KEPT_MS).
 */
export const GRANULARITIES = ['minute', 'hour', 'day', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The start of the bucket holding `at`. */
export function bucketStart(at: Date, granularity: Granularity): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  if (granularity === 'month') return new Date(Date.UTC(y, m, 1));
  if (granularity === 'day') return new Date(Date.UTC(y, m, at.getUTCDate()));
  if (granularity === 'hour') return new Date(Date.UTC(y, m, at.getUTCDate(), at.getUTCHours()));
  return new Date(Date.UTC(y, m, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes()));
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucket(start: Date, granularity: Granularity): Date {
  const next = new Date(start.getTime());
  if (granularity === 'month') next.setUTCMonth(next.getUTCMonth() + 1);
  else if (granularity === 'day') next.setUTCDate(next.getUTCDate() + 1);
  else if (granularity === 'hour') next.setUTCHours(next.getUTCHours() + 1);
  else next.setUTCMinutes(next.getUTCMinutes() + 1);
  return next;
}

/** The starts of every bucket that overlaps [since, until), oldest first. */
export function bucketsBetween(since: Date, until: Date, granularity: Granularity): Date[] {
  const starts: Date[] = [];
  for (let start = bucketStart(since, granularity); start < until; start = nextBucket(start, granularity)) {
    starts.push(start);
  }
  return starts;
}

/** How many buckets a window has, without listing them (to refuse a window too fine before building it). */
export function bucketCount(since: Date, until: Date, granularity: Granularity): number {
  const from = bucketStart(since, granularity);
  if (until <= from) return 0;
  if (granularity === 'month') {
    const months = (until.getUTCFullYear() - from.getUTCFullYear()) * 12 + until.getUTCMonth() - from.getUTCMonth();
    return bucketStart(until, 'month') < until ? months + 1 : months;
  }
  const size = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[granularity];
  return Math.ceil((until.getTime() - from.getTime()) / size);
}

const DAY_MS = 86_400_000;

/** How long minute counters are kept: longer than the widest window of minutes a report may have (MAX_BUCKETS). */
export const MINUTE_COUNTERS_KEPT_MS = 2 * DAY_MS;

/** The bucket size a window gets when none is asked for: enough detail to chart, few enough buckets to read fast. */
export function defaultGranularity(since: Date, until: Date): Granularity {
  const span = until.getTime() - since.getTime();
  if (span <= 3 * DAY_MS) return 'hour';
  if (span <= 3 * 366 * DAY_MS) return 'day';
  return 'month';
}
