import { Injectable } from '@nestjs/common';
import type { MonitorApiSchemas } from '@enlace/contracts';
import { corridorDelays } from '../domain/delay-report';
import { Corridor } from '../domain/envelope-facts';
import { corridorFlow } from '../domain/flow-report';
import { StatisticsBuckets } from '../domain/statistics-buckets';
import { StatisticsRepository } from '../persistence/statistics.repository';
import { StatisticsWindow } from './statistics-window';

export type FlowReport = MonitorApiSchemas['FlowReport'];
export type DelayReport = MonitorApiSchemas['DelayReport'];

export interface CorridorFilter {
  readonly from?: string;
  readonly to?: string;
}

/** Reports over the pre-aggregated statistics: the counters of the window's buckets, read in one query. */
@Injectable()
export class StatisticsQueryService {
  constructor(private readonly statistics: StatisticsRepository) {}

  async flows(filter: CorridorFilter, window: StatisticsWindow, type?: string): Promise<FlowReport> {
    const corridors = await this.corridors(filter);
    const counters = await this.countersOf(corridors, window);
    const flows = corridors
      .map((corridor) => corridorFlow(corridor, window.starts, counters, type))
      .filter((flow) => flow.total > 0 || isOne(filter))
      .sort((a, b) => b.total - a.total);
    return { ...header(window), corridors: flows };
  }

  async delays(filter: CorridorFilter, window: StatisticsWindow): Promise<DelayReport> {
    const corridors = await this.corridors(filter);
    const counters = await this.countersOf(corridors, window);
    const delays = corridors
      .map((corridor) => corridorDelays(corridor, window.starts, counters))
      .filter((view) => view.delivery.count + view.answer.count > 0 || isOne(filter));
    return { ...header(window), corridors: delays };
  }

  private async corridors(filter: CorridorFilter): Promise<Corridor[]> {
    if (filter.from && filter.to) return [{ from: filter.from, to: filter.to }];
    const known = await this.statistics.listCorridors();
    return known.filter(
      (corridor) => (!filter.from || corridor.from === filter.from) && (!filter.to || corridor.to === filter.to),
    );
  }

  private async countersOf(corridors: readonly Corridor[], window: StatisticsWindow): Promise<StatisticsBuckets> {
    return new StatisticsBuckets(
      await this.statistics.counters(window.granularity, corridors, window.since, window.until),
    );
  }
}

const isOne = (filter: CorridorFilter): boolean => Boolean(filter.from && filter.to);

function header(window: StatisticsWindow) {
  return { since: window.since.toISOString(), until: window.until.toISOString(), granularity: window.granularity };
}
