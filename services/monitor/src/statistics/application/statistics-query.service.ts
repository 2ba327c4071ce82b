import { Injectable } from '@nestjs/common';
import type { MonitorApiSchemas } from '@enlace/contracts';
import { corridorDelays } from '../domain/delay-report';
import { Corridor } from '../domain/envelope-facts';
import { containerIdsFor, corridorFlow } from '../domain/flow-report';
import { StoredContainer } from '../domain/statistics-increment';
import { StatisticsRepository } from '../persistence/statistics.repository';
import { StatisticsWindow } from './statistics-window';

export type FlowReport = MonitorApiSchemas['FlowReport'];
export type DelayReport = MonitorApiSchemas['DelayReport'];

export interface CorridorFilter {
  readonly from?: string;
  readonly to?: string;
}

/** Reports over the pre-aggregated statistics: a few container documents per corridor, read by _id. */
@Injectable()
export class StatisticsQueryService {
  constructor(private readonly statistics: StatisticsRepository) {}

  async flows(filter: CorridorFilter, window: StatisticsWindow, type?: string): Promise<FlowReport> {
    const corridors = await this.corridors(filter);
    const containers = await this.containersOf(corridors, window);
    const flows = corridors
      .map((corridor) => corridorFlow(corridor, window.starts, window.granularity, containers, type))
      .filter((flow) => flow.total > 0 || isOne(filter))
      .sort((a, b) => b.total - a.total);
    return { ...header(window), corridors: flows };
  }

  async delays(filter: CorridorFilter, window: StatisticsWindow): Promise<DelayReport> {
    const corridors = await this.corridors(filter);
    const containers = await this.containersOf(corridors, window);
    const delays = corridors
      .map((corridor) => corridorDelays(corridor, window.starts, window.granularity, containers))
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

  private async containersOf(
    corridors: readonly Corridor[],
    window: StatisticsWindow,
  ): Promise<Map<string, StoredContainer>> {
    const ids = corridors.flatMap((corridor) => containerIdsFor(corridor, window.starts, window.granularity));
    return this.statistics.containers(window.granularity, ids);
  }
}

const isOne = (filter: CorridorFilter): boolean => Boolean(filter.from && filter.to);

function header(window: StatisticsWindow) {
  return { since: window.since.toISOString(), until: window.until.toISOString(), granularity: window.granularity };
}
