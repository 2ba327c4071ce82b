import { ProblemException } from '@enlace/http';
import {
  Granularity,
  MINUTE_COUNTERS_KEPT_MS,
  bucketCount,
  bucketStart,
  bucketsBetween,
  defaultGranularity,
} from '../domain/time-buckets';

/** At most this many buckets per corridor in one answer, so that a report stays a bounded read and a bounded answer. */
export const MAX_BUCKETS = 2000;
const DEFAULT_WINDOW_MS = 30 * 86_400_000;

export interface StatisticsWindow {
  readonly since: Date;
  readonly until: Date;
  readonly granularity: Granularity;
  readonly starts: Date[];
}

/** The window a report covers, from the query's since, until and granularity (already checked by the contract). */
export function statisticsWindow(
  query: { since?: string; until?: string; granularity?: Granularity },
  now: Date = new Date(),
): StatisticsWindow {
  const until = query.until ? new Date(query.until) : now;
  const asked = query.since ? new Date(query.since) : new Date(until.getTime() - DEFAULT_WINDOW_MS);
  if (asked >= until) {
    throw new ProblemException({
      status: 400,
      title: 'Bad Request',
      detail: 'The window is empty.',
      errors: [{ field: 'since', message: 'must be before until' }],
    });
  }
  const granularity = query.granularity ?? defaultGranularity(asked, until);
  if (bucketCount(asked, until, granularity) > MAX_BUCKETS) {
    throw new ProblemException({
      status: 400,
      title: 'Bad Request',
      detail: `The window holds more than ${MAX_BUCKETS} buckets of one ${granularity}.`,
      errors: [{ field: 'granularity', message: `must be coarser for this window` }],
    });
  }
  if (granularity === 'minute' && asked.getTime() < now.getTime() - MINUTE_COUNTERS_KEPT_MS) {
    throw new ProblemException({
      status: 400,
      title: 'Bad Request',
      detail: `Minutes are kept for ${MINUTE_COUNTERS_KEPT_MS / 3_600_000} hours: ask hours for an older window.`,
      errors: [{ field: 'granularity', message: 'must be coarser for this window' }],
    });
  }
  const since = bucketStart(asked, granularity);
  return { since, until, granularity, starts: bucketsBetween(since, until, granularity) };
}
