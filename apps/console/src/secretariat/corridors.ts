import type { CorridorFlow, FlowReport } from '../api/monitor-api.types';

/** Delivery receipts travel as envelopes too; the corridor views count the business messages. */
export const RECEIPT_TYPE = 'receipt.delivered.v1';

export function messageCount(corridor: Pick<CorridorFlow, 'total' | 'byType'>): number {
  return corridor.total - (corridor.byType[RECEIPT_TYPE] ?? 0);
}

export interface CorridorMatrix {
  countries: string[];
  /** count[from][to]: messages sent from `from` to `to` in the window. */
  count: Record<string, Record<string, number>>;
}

/** Every country that sent or received in the window, in order, with the messages of each corridor. */
export function corridorMatrix(report: Pick<FlowReport, 'corridors'>, known: readonly string[] = []): CorridorMatrix {
  const countries = [...new Set([...known, ...report.corridors.flatMap((c) => [c.from, c.to])])].sort();
  const count: Record<string, Record<string, number>> = {};
  for (const from of countries) count[from] = Object.fromEntries(countries.map((to) => [to, 0]));
  for (const corridor of report.corridors) {
    const row = count[corridor.from];
    if (row) row[corridor.to] = (row[corridor.to] ?? 0) + messageCount(corridor);
  }
  return { countries, count };
}

export interface VolumePoint {
  start: string;
  [corridor: string]: number | string;
}

/**
 * Messages per bucket for the busiest corridors (`CO→EC` keys), the rest summed as `other`. A corridor with no
 * message in the window (only receipts, or nothing) is left out, so the legend names only what the chart shows.
 */
export function volumeSeries(
  report: Pick<FlowReport, 'corridors'>,
  top = 5,
): { keys: string[]; points: VolumePoint[] } {
  const ranked = report.corridors
    .filter((corridor) => messageCount(corridor) > 0)
    .sort((a, b) => messageCount(b) - messageCount(a));
  const named = ranked.slice(0, top);
  const keys = named.map((c) => `${c.from}→${c.to}`);
  const rest = ranked.slice(top);
  if (rest.length > 0) keys.push('other');
  const byStart = new Map<string, VolumePoint>();
  const add = (start: string, key: string, value: number) => {
    const point = byStart.get(start) ?? { start };
    point[key] = ((point[key] as number | undefined) ?? 0) + value;
    byStart.set(start, point);
  };
  for (const corridor of ranked) {
    const key = named.includes(corridor) ? `${corridor.from}→${corridor.to}` : 'other';
    for (const bucket of corridor.buckets)
      add(bucket.start, key, messageCount({ total: bucket.count, byType: bucket.byType }));
  }
  const points = [...byStart.values()].sort((a, b) => a.start.localeCompare(b.start));
  for (const point of points) for (const key of keys) point[key] ??= 0;
  return { keys, points };
}

/** Room beside the bars for the longest label ("→ PE (1040)") at the labels' font size, so none is cut. */
export function labelMargin(labels: readonly string[]): number {
  return 16 + 8 * Math.max(0, ...labels.map((label) => label.length));
}
