import type { StatisticsReportV1 } from '@enlace/contracts';
import { Kysely } from 'kysely';
import { MonitorDatabase } from '../../database/monitor-database.schema';

/** Each node's latest statistics report of each month (`regional_statistics_reports`). */
export class RegionalStatisticsRepository {
  constructor(private readonly db: Kysely<MonitorDatabase>) {}

  /** Keeps the report unless one generated later of that node and month is kept already; true when kept. */
  async keep(report: StatisticsReportV1, receivedAt: Date): Promise<boolean> {
    const written = await this.db
      .insertInto('regional_statistics_reports')
      .values({
        country: report.country,
        month: report.month,
        report_id: report.reportId,
        generated_at: report.generatedAt,
        report: JSON.stringify(report),
        received_at: receivedAt,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['country', 'month'])
          .doUpdateSet((eb) => ({
            report_id: eb.ref('excluded.report_id'),
            generated_at: eb.ref('excluded.generated_at'),
            report: eb.ref('excluded.report'),
            received_at: eb.ref('excluded.received_at'),
          }))
          .where('regional_statistics_reports.generated_at', '<', (eb) => eb.ref('excluded.generated_at')),
      )
      .returning('country')
      .executeTakeFirst();
    return written !== undefined;
  }

  /** The latest reports, of one month or of every month, by month then country. */
  async latest(month?: string): Promise<StatisticsReportV1[]> {
    let query = this.db.selectFrom('regional_statistics_reports').select('report');
    if (month) query = query.where('month', '=', month);
    const rows = await query.orderBy('month').orderBy('country').execute();
    return rows.map((row) => row.report as unknown as StatisticsReportV1);
  }
}
