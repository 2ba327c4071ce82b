import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { StatisticsReportV1 } from '@enlace/contracts';
import { rolesWith } from '@enlace/auth';
import { monthOf } from '@enlace/protocols';
import { RequireRoles } from '../auth/roles.decorator';
import { ContractBodyPipe } from '../common/validation/contract-body.pipe';
import { StatisticsReportService } from './application/statistics-report.service';

/** A supervisor asks for this node's statistics of a month now, rather than at the next scheduled round. */
@Controller('statistics')
export class StatisticsHttpController {
  constructor(private readonly reports: StatisticsReportService) {}

  @Post('reports')
  @HttpCode(202)
  @RequireRoles(...rolesWith('statistics.publish'))
  publish(
    @Body(new ContractBodyPipe('PublishStatisticsRequest')) body: { month?: string },
  ): Promise<StatisticsReportV1> {
    return this.reports.publish(body.month ?? monthOf(new Date()));
  }
}
