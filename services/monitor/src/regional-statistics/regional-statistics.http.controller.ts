import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { QueryParameter } from '../common/validation/query-parameter';
import {
  regionalStatisticsCsv,
  regionalStatisticsRows,
  type RegionalStatisticsRow,
} from './domain/regional-statistics-table';
import { RegionalStatisticsRepository } from './persistence/regional-statistics.repository';

const MONTH = '#/components/parameters/Month/schema';

/** The nodes' latest statistics reports, combined into one table, as JSON or CSV. */
@Controller('regional-statistics')
export class RegionalStatisticsHttpController {
  constructor(private readonly reports: RegionalStatisticsRepository) {}

  @Get()
  async table(@QueryParameter('month', MONTH) month?: string): Promise<{
    reports: { country: string; month: string; generatedAt: string; threshold: number }[];
    items: RegionalStatisticsRow[];
  }> {
    const reports = await this.reports.latest(month);
    return {
      reports: reports.map(({ country, month: of, generatedAt, threshold }) => ({
        country,
        month: of,
        generatedAt,
        threshold,
      })),
      items: regionalStatisticsRows(reports),
    };
  }

  @Get('csv')
  async csv(
    @Res({ passthrough: true }) response: Response,
    @QueryParameter('month', MONTH) month?: string,
  ): Promise<string> {
    const csv = regionalStatisticsCsv(regionalStatisticsRows(await this.reports.latest(month)));
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.attachment(`enlace-regional-statistics${month ? `-${month}` : ''}.csv`);
    return csv;
  }
}
