import {
  STATISTICS_DIMENSIONS,
  type StatisticsCase,
  type StatisticsDimension,
  type StatisticsProtocol,
} from './statistics-case';
import {
  assertThreshold,
  smallCount,
  suppressBreakdown,
  type PublishedBreakdown,
  type PublishedCount,
} from './small-cell.suppression';

/** One group of a node's cases of a month: a protocol on a corridor, its total and its breakdowns. */
export interface StatisticsGroup {
  readonly protocol: StatisticsProtocol;
  readonly fromCountry: string;
  readonly toCountry: string;
  readonly total: PublishedCount;
  readonly breakdowns: Readonly<Record<StatisticsDimension, PublishedBreakdown>>;
}

/** A node's statistics of one month, small cells suppressed: what may leave the node. */
export interface StatisticsTables {
  readonly month: string;
  readonly threshold: number;
  readonly groups: readonly StatisticsGroup[];
}

/**
 * Counts the month's cases per protocol and corridor, each group broken down by one dimension at a time, and
 * suppresses small cells. No total above the groups is published: a reader who adds up group totals meets "<k" for
 * any small group, and a group's breakdowns only ever sum to the group's own total, so each breakdown is protected
 * on its own (see suppressBreakdown). A group below k publishes "<k" and none of its breakdowns, which would
 * otherwise tell how many categories it spans.
 */
export function statisticsTables(cases: readonly StatisticsCase[], month: string, threshold: number): StatisticsTables {
  assertThreshold(threshold);
  const groups = new Map<string, StatisticsCase[]>();
  for (const item of cases) {
    if (item.month !== month) continue;
    const key = [item.protocol, item.fromCountry, item.toCountry].join('\u0000');
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  return {
    month,
    threshold,
    groups: [...groups.keys()].sort().map((key) => groupOf(groups.get(key) as StatisticsCase[], threshold)),
  };
}

function groupOf(cases: readonly StatisticsCase[], threshold: number): StatisticsGroup {
  const first = cases[0] as StatisticsCase;
  const small = cases.length < threshold;
  const breakdowns = Object.fromEntries(
    STATISTICS_DIMENSIONS.map((dimension) => [
      dimension,
      small ? { withheld: true } : suppressBreakdown(countsBy(cases, dimension), threshold),
    ]),
  ) as Record<StatisticsDimension, PublishedBreakdown>;
  return {
    protocol: first.protocol,
    fromCountry: first.fromCountry,
    toCountry: first.toCountry,
    total: small ? smallCount(threshold) : cases.length,
    breakdowns,
  };
}

function countsBy(cases: readonly StatisticsCase[], dimension: StatisticsDimension) {
  const counts = new Map<string, number>();
  for (const item of cases) counts.set(item[dimension], (counts.get(item[dimension]) ?? 0) + 1);
  return [...counts].map(([category, count]) => ({ category, count }));
}
