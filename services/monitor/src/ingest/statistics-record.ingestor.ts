import { type StatisticsReportV1 } from '@enlace/contracts';
import { NodeStatementTypes } from '@enlace/envelope';
import { InboundRecord } from '@enlace/messaging';
import { RegionalStatisticsRepository } from '../regional-statistics/persistence/regional-statistics.repository';
import { SignedStatementReader } from './signed-statement.reader';

const SCHEMA = 'urn:enlace:schema:statistics-report.v1';
/** The JWS `typ` the courier signs statistics reports with. */
export const STATISTICS_REPORT_JWS_TYP = NodeStatementTypes.statisticsReport;

/**
 * Keeps each node's latest statistics report of each month. A report counts only when its signature holds under a
 * signing key the directory gives the country it names, and it matches its contract (SignedStatementReader); anything
 * else is counted, logged (by position) and skipped.
 */
export class StatisticsRecordIngestor {
  constructor(
    private readonly statements: SignedStatementReader,
    private readonly reports: RegionalStatisticsRepository,
  ) {}

  async ingest(records: readonly InboundRecord[]): Promise<void> {
    for (const record of records) {
      const report = await this.statements.read<StatisticsReportV1>(
        'statistics',
        STATISTICS_REPORT_JWS_TYP,
        SCHEMA,
        record,
      );
      if (report) await this.reports.keep(report, new Date());
    }
  }
}
