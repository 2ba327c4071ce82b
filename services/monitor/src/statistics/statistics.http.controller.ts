import { Controller, Get } from '@nestjs/common';
import { QueryParameter } from '../common/validation/query-parameter';
import { Granularity } from './domain/time-buckets';
import { DelayReport, FlowReport, StatisticsQueryService } from './application/statistics-query.service';
import { statisticsWindow } from './application/statistics-window';

const COUNTRY = '#/components/schemas/CountryCode';
const DATE_TIME = '#/components/parameters/Since/schema';

@Controller()
export class StatisticsHttpController {
  constructor(private readonly statistics: StatisticsQueryService) {}

  @Get('flows')
  flows(
    @QueryParameter('from', COUNTRY) from?: string,
    @QueryParameter('to', COUNTRY) to?: string,
    @QueryParameter('type', '#/components/schemas/MessageType') type?: string,
    @QueryParameter('since', DATE_TIME) since?: string,
    @QueryParameter('until', DATE_TIME) until?: string,
    @QueryParameter('granularity', '#/components/schemas/Granularity') granularity?: Granularity,
  ): Promise<FlowReport> {
    return this.statistics.flows({ from, to }, statisticsWindow({ since, until, granularity }), type);
  }

  @Get('delays')
  delays(
    @QueryParameter('from', COUNTRY) from?: string,
    @QueryParameter('to', COUNTRY) to?: string,
    @QueryParameter('since', DATE_TIME) since?: string,
    @QueryParameter('until', DATE_TIME) until?: string,
    @QueryParameter('granularity', '#/components/schemas/Granularity') granularity?: Granularity,
  ): Promise<DelayReport> {
    return this.statistics.delays({ from, to }, statisticsWindow({ since, until, granularity }));
  }
}
