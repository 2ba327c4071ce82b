import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { NodeStatementSigner, NodeStatementTypes } from '@enlace/envelope';
import { EnvelopePublisher, TopicNames } from '@enlace/messaging';
import { NodeChannels, NotifiedWorker, StatisticsReportStore } from '@enlace/store';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { ENVELOPE_PUBLISHER, STATISTICS_REPORT_STORE } from '../courier.tokens';

const BATCH = 20;

/** The JWS `typ` of a signed statistics report (contracts: statistics-report.v1 on the statistics topic). */
export const STATISTICS_REPORT_JWS_TYP = NodeStatementTypes.statisticsReport;

/**
 * Signs the statistics reports node-api queued (already suppressed: aggregates only) with the node's envelope signing
 * key and publishes them on the network's statistics topic, keyed by country; node-api's commit wakes it. A batch is
 * claimed, produced, and marked sent after the broker acknowledged it, in one transaction.
 */
@Injectable()
export class StatisticsReportRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StatisticsReportRelayService.name);
  private readonly worker: NotifiedWorker;

  constructor(
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(STATISTICS_REPORT_STORE) private readonly reports: StatisticsReportStore,
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: EnvelopePublisher,
    private readonly signer: NodeStatementSigner,
  ) {
    this.worker = new NotifiedWorker(async () => (await this.relayOnce()) >= BATCH, {
      url: config.databaseUrl,
      channels: [NodeChannels.statisticsReports],
      sweepMs: config.relayPollMs,
      errorMs: 1_000,
      onError: (error) => this.logger.warn(`statistics reports paused after an error: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  relayOnce(): Promise<number> {
    return this.reports.relay(BATCH, async (reports) => {
      const records = await Promise.all(
        reports.map(async (pending) => ({
          key: this.config.country,
          value: await this.signer.sign(STATISTICS_REPORT_JWS_TYP, {
            ...pending.report,
            country: this.config.country,
          }),
        })),
      );
      await this.publisher.publish(TopicNames.statistics(this.config.network), records);
    });
  }
}
