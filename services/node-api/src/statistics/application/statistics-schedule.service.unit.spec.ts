import type { NodeApiConfig } from '../../config/node-api.config';
import type { StatisticsReportService } from './statistics-report.service';
import { StatisticsScheduleService } from './statistics-schedule.service';

describe('StatisticsScheduleService', () => {
  describe('publishRecentMonths', () => {
    it('should publish the last month and this one, across a new year', async () => {
      // given a schedule whose reports are recorded
      const months: string[] = [];
      const reports = {
        publish: async (month: string) => void months.push(month),
      } as unknown as StatisticsReportService;
      const schedule = new StatisticsScheduleService({ statisticsIntervalMs: 0 } as NodeApiConfig, reports);
      // when a round runs on 5 January 2027
      await schedule.publishRecentMonths(new Date('2027-01-05T02:00:00Z'));
      // then December 2026 and January 2027 are published
      expect(months).toEqual(['2026-12', '2027-01']);
    });
  });
});
