import type { DelayReport, FlowReport, Granularity } from '../api/monitor-api.types';
import { messageCount } from './corridors';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The windows a secretariat picks from: fitted to the last day's traffic (the default), or a fixed span. */
export const WINDOW_KEYS = ['fit', 'PT1H', 'P1D', 'P7D', 'P30D'] as const;
export type WindowKey = (typeof WINDOW_KEYS)[number];

/** What the dashboard asks the monitor for: where the window starts and the size of its buckets. */
export interface DashboardWindow {
  since: Date;
  granularity: Granularity;
}

/** The span the fitted window looks back over, and up to which age of the first message it counts in minutes. */
export const FIT_LOOKBACK_MS = DAY_MS;
const FIT_IN_MINUTES_MS = 6 * HOUR_MS;

/** A fixed window: the last hour by the minute, the last day by the hour, a week or a month by the day. */
export function fixedWindow(key: Exclude<WindowKey, 'fit'>, now: Date): DashboardWindow {
  const span = { PT1H: HOUR_MS, P1D: DAY_MS, P7D: 7 * DAY_MS, P30D: 30 * DAY_MS }[key];
  const granularity: Granularity = key === 'PT1H' ? 'minute' : key === 'P1D' ? 'hour' : 'day';
  return { since: new Date(now.getTime() - span), granularity };
}

/**
 * The window fitted to the traffic of the last day, from its hourly flows: from the first hour with a message, by
 * the minute when that hour is at most six hours old (a fresh network spans the chart instead of a spike at its
 * right edge), by the hour otherwise; the last hour by the minute when nothing moved.
 */
export function fittedWindow(hourly: Pick<FlowReport, 'corridors'>, now: Date): DashboardWindow {
  const starts = hourly.corridors.flatMap((corridor) =>
    corridor.buckets
      .filter((bucket) => messageCount({ total: bucket.count, byType: bucket.byType }) > 0)
      .map((bucket) => Date.parse(bucket.start)),
  );
  if (starts.length === 0) return { since: new Date(now.getTime() - HOUR_MS), granularity: 'minute' };
  const first = Math.min(...starts);
  return { since: new Date(first), granularity: now.getTime() - first <= FIT_IN_MINUTES_MS ? 'minute' : 'hour' };
}

/**
 * The reports from the bucket before their first message on (the empty start of the first hour cut off), the
 * delays cut at the same instant; a report with no message is left whole.
 */
export function fromFirstMessage(flows: FlowReport, delays: DelayReport): { flows: FlowReport; delays: DelayReport } {
  const busy = flows.corridors.flatMap((corridor) =>
    corridor.buckets
      .filter((bucket) => messageCount({ total: bucket.count, byType: bucket.byType }) > 0)
      .map((bucket) => bucket.start),
  );
  if (busy.length === 0) return { flows, delays };
  const starts = [
    ...new Set(flows.corridors.flatMap((corridor) => corridor.buckets.map((bucket) => bucket.start))),
  ].sort();
  const firstBusy = starts.indexOf([...busy].sort()[0] ?? '');
  const cut = starts[Math.max(0, firstBusy - 1)] ?? '';
  return {
    flows: {
      ...flows,
      since: cut,
      corridors: flows.corridors.map((c) => ({ ...c, buckets: c.buckets.filter((b) => b.start >= cut) })),
    },
    delays: {
      ...delays,
      since: cut,
      corridors: delays.corridors.map((c) => ({ ...c, buckets: c.buckets.filter((b) => b.start >= cut) })),
    },
  };
}
