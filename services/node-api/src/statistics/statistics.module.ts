import { Module } from '@nestjs/common';
import { NodeDatabase, StatisticsReportStore } from '@enlace/store';
import { Kysely } from 'kysely';
import { NODE_DATABASE } from '../database/database.tokens';
import { ReferralsModule } from '../referrals/referrals.module';
import { ReintegrationsModule } from '../reintegrations/reintegrations.module';
import { ReturnsModule } from '../returns/returns.module';
import { StatisticsReportService } from './application/statistics-report.service';
import { StatisticsScheduleService } from './application/statistics-schedule.service';
import { StatisticsHttpController } from './statistics.http.controller';
import { STATISTICS_REPORT_STORE } from './statistics.tokens';

/** Regional statistics: this node's cases counted per month, small cells suppressed, queued for the courier. */
@Module({
  imports: [ReferralsModule, ReturnsModule, ReintegrationsModule],
  controllers: [StatisticsHttpController],
  providers: [
    {
      provide: STATISTICS_REPORT_STORE,
      inject: [NODE_DATABASE],
      useFactory: (db: Kysely<NodeDatabase>) => new StatisticsReportStore(db),
    },
    StatisticsReportService,
    StatisticsScheduleService,
  ],
  exports: [StatisticsReportService],
})
export class StatisticsModule {}
