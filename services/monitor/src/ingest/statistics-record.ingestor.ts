import { Logger } from '@nestjs/common';
import { MessageValidator, type StatisticsReportV1 } from '@enlace/contracts';
import { NodeStatementVerifier, NodeStatementTypes } from '@enlace/envelope';
import { InboundRecord } from '@enlace/messaging';
import { RegionalStatisticsRepository } from '../regional-statistics/persistence/regional-statistics.repository';

const SCHEMA = 'urn:enlace:schema:statistics-report.v1';
/** The JWS `typ` the courier signs statistics reports with. */
export const STATISTICS_REPORT_JWS_TYP = NodeStatementTypes.statisticsReport;

/**
 * Keeps each node's latest statistics report of each month. A report counts only when its signature holds under a
 * signing key the directory gives the country it names, and it matches its contract; anything else is logged (by
 * position) and skipped.
 */
export class StatisticsRecordIngestor {
  private readonly logger = new Logger(StatisticsRecordIngestor.name);

  constructor(
    private readonly verifier: NodeStatementVerifier,
    private readonly validator: MessageValidator,
    private readonly reports: RegionalStatisticsRepository,
  ) {}

  async ingest(records: readonly InboundRecord[]): Promise<void> {
    for (const record of records) {
      const report = await this.report(record);
      if (report) await this.reports.keep(report, new Date());
    }
  }

  private async report(record: InboundRecord): Promise<StatisticsReportV1 | undefined> {
    const where = `${record.topic}/${record.partition}@${record.offset}`;
    try {
      const report = await this.verifier.verify(STATISTICS_REPORT_JWS_TYP, record.value?.toString('utf8') ?? '');
      if (this.validator.validate(SCHEMA, report).length > 0) {
        this.logger.warn(`skipped ${where}: not a ${SCHEMA}`);
        return undefined;
      }
      return report as unknown as StatisticsReportV1;
    } catch (error) {
      this.logger.warn(`skipped ${where}: ${(error as Error).message}`);
      return undefined;
    }
  }
}
