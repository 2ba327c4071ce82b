import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PollingWorker } from '@enlace/messaging';
import { monthOf } from '@enlace/protocols';
import { NODE_API_CONFIG, NodeApiConfig } from '../../config/node-api.config';
import { StatisticsReportService } from './statistics-report.service';

/**
 * Publishes, every statisticsIntervalMs (a day by default), the reports of this month and of the last one: the
 * last month's cases change after it ends too (a case opened late is answered the next month, an erasure removes a
 * person's categories), and the monitor keeps the latest report of each month.
 */
@Injectable()
export class StatisticsScheduleService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StatisticsScheduleService.name);
  private readonly worker?: PollingWorker;

  constructor(
    @Inject(NODE_API_CONFIG) config: NodeApiConfig,
    private readonly reports: StatisticsReportService,
  ) {
    if (config.statisticsIntervalMs === 0) return;
    this.worker = new PollingWorker(
      async () => {
        await this.publishRecentMonths();
        return false;
      },
      {
        idleMs: config.statisticsIntervalMs,
        errorMs: 60_000,
        onError: (error) => this.logger.warn(`statistics report not published: ${error.message}`),
      },
    );
  }

  onApplicationBootstrap(): void {
    this.worker?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.stop();
  }

  async publishRecentMonths(now: Date = new Date()): Promise<void> {
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    for (const month of [monthOf(lastMonth), monthOf(now)]) await this.reports.publish(month, now);
  }
}
