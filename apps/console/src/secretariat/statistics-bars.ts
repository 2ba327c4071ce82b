import type { RegionalStatisticsRow } from '../api/monitor-api.types';

export type StatisticsProtocol = RegionalStatisticsRow['protocol'];
export type StatisticsDimension = RegionalStatisticsRow['dimension'];

/** One bar of the chart: the persons of one corridor in one month, by category; only published numbers. */
export interface StatisticsBar {
  month: string;
  corridor: string;
  /** The node whose count the bar shows. */
  reportedBy: string;
  counts: Record<string, number>;
}

/** A cell the chart cannot draw: its node published "<k" or "withheld", never a number. */
export interface SuppressedCell {
  month: string;
  corridor: string;
  reportedBy: string;
  category: string;
  count: string;
}

export interface StatisticsBars {
  /** The categories drawn, in the order the nodes publish them (stack order). */
  categories: string[];
  bars: StatisticsBar[];
  suppressed: SuppressedCell[];
}

/**
 * The bars of one protocol and one dimension, a bar per month and corridor, oldest month first. A case is counted
 * at both ends of its corridor, so each bar takes one node's count, never a sum: the count of the country the
 * cases go from, or the other end's when that country published nothing for the month. A suppressed cell stays
 * suppressed: it is listed apart, and nothing of it is drawn or estimated.
 */
export function statisticsBars(
  rows: readonly RegionalStatisticsRow[],
  protocol: StatisticsProtocol,
  dimension: StatisticsDimension,
): StatisticsBars {
  const reports = new Map<string, RegionalStatisticsRow[]>();
  for (const row of rows) {
    if (row.protocol !== protocol || row.dimension !== dimension) continue;
    const key = `${row.month}|${row.fromCountry}|${row.toCountry}|${row.reportedBy}`;
    reports.set(key, [...(reports.get(key) ?? []), row]);
  }
  const chosen = new Map<string, RegionalStatisticsRow[]>();
  for (const cells of reports.values()) {
    const first = cells[0];
    if (!first) continue;
    const group = `${first.month}|${first.fromCountry}|${first.toCountry}`;
    const held = chosen.get(group)?.[0];
    if (!held || (held.reportedBy !== held.fromCountry && first.reportedBy === first.fromCountry)) {
      chosen.set(group, cells);
    }
  }
  const categories: string[] = [];
  const bars: StatisticsBar[] = [];
  const suppressed: SuppressedCell[] = [];
  const groups = [...chosen.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [, cells] of groups) {
    const first = cells[0];
    if (!first) continue;
    const place = {
      month: first.month,
      corridor: `${first.fromCountry}→${first.toCountry}`,
      reportedBy: first.reportedBy,
    };
    const counts: Record<string, number> = {};
    for (const cell of cells) {
      if (typeof cell.count === 'number') {
        counts[cell.category] = cell.count;
        if (!categories.includes(cell.category)) categories.push(cell.category);
      } else {
        suppressed.push({ ...place, category: cell.category, count: cell.count });
      }
    }
    bars.push({ ...place, counts });
  }
  return { categories, bars, suppressed };
}
