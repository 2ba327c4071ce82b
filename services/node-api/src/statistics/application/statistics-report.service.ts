import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MessageValidator, type StatisticsReportV1 } from '@enlace/contracts';
import { statisticsTables, type StatisticsCase } from '@enlace/protocols';
import { StatisticsReportStore } from '@enlace/store';
import type { ProtocolCaseRepository } from '../../cases/persistence/protocol-case.repository';
import { NODE_API_CONFIG, NodeApiConfig } from '../../config/node-api.config';
import { REFERRAL_CASE_REPOSITORY } from '../../referrals/referrals.tokens';
import { REINTEGRATION_CASE_REPOSITORY } from '../../reintegrations/reintegrations.tokens';
import { RETURN_CASE_REPOSITORY } from '../../returns/returns.tokens';
import { statisticsCaseOf } from '../domain/statistics-case.mapper';
import { STATISTICS_REPORT_STORE } from '../statistics.tokens';

const PAGE = 500;
const SCHEMA = 'urn:enlace:schema:statistics-report.v1';

type CaseRepository = ProtocolCaseRepository<{ fromCountry: string; toCountry: string }, unknown>;

/**
 * Counts this node's cases of a month, suppresses small cells, and queues the report for the courier, which signs
 * and publishes it. The cases are read a page at a time and reduced at once to their categories, so neither a person
 * nor a case id is held beyond its page, and only the suppressed report is ever written.
 */
@Injectable()
export class StatisticsReportService {
  private readonly repositories: readonly CaseRepository[];

  constructor(
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
    @Inject(STATISTICS_REPORT_STORE) private readonly store: StatisticsReportStore,
    private readonly validator: MessageValidator,
    @Inject(REFERRAL_CASE_REPOSITORY) referrals: CaseRepository,
    @Inject(RETURN_CASE_REPOSITORY) returns: CaseRepository,
    @Inject(REINTEGRATION_CASE_REPOSITORY) reintegrations: CaseRepository,
  ) {
    this.repositories = [referrals, returns, reintegrations];
  }

  /** Counts `month` (`YYYY-MM`) and queues its report; returns the report as it will leave the node. */
  async publish(month: string, now: Date = new Date()): Promise<StatisticsReportV1> {
    const cases = await this.casesOf(month);
    const tables = statisticsTables(cases, month, this.config.statisticsThreshold);
    const report: StatisticsReportV1 = {
      reportId: randomUUID(),
      network: this.config.network,
      country: this.config.country,
      month,
      generatedAt: now.toISOString(),
      threshold: tables.threshold,
      groups: tables.groups.map((group) => ({
        protocol: group.protocol,
        fromCountry: group.fromCountry,
        toCountry: group.toCountry,
        total: group.total,
        breakdowns: group.breakdowns,
      })) as StatisticsReportV1['groups'],
    };
    const violations = this.validator.validate(SCHEMA, report);
    if (violations.length > 0) throw new Error(`statistics report breaks its contract at ${violations[0]?.path}`);
    await this.store.add(report.reportId, month, report as unknown as Record<string, unknown>, now);
    return report;
  }

  private async casesOf(month: string): Promise<StatisticsCase[]> {
    const cases: StatisticsCase[] = [];
    for (const repository of this.repositories) {
      let after: string | undefined;
      for (;;) {
        const documents = await repository.page(after, PAGE);
        for (const document of documents) {
          const item = statisticsCaseOf(repository.protocol, document);
          if (item.month === month) cases.push(item);
        }
        const last = documents.at(-1);
        if (!last || documents.length < PAGE) break;
        after = last._id;
      }
    }
    return cases;
  }
}
