import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EnvelopePublisher, TopicNames } from '@enlace/messaging';
import { DeadlineNoticeStore, NodeChannels, NotifiedWorker } from '@enlace/store';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { DEADLINE_NOTICE_STORE, ENVELOPE_PUBLISHER } from '../courier.tokens';

const BATCH = 100;

/**
 * Publishes the node API's overdue announcements on the network's deadlines topic, in clear JSON (they carry
 * timing facts only), keyed by case reference; node-api's commit wakes it. A batch is claimed, produced, and marked
 * sent after the broker acknowledged it, in one transaction.
 */
@Injectable()
export class DeadlineNoticeRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineNoticeRelayService.name);
  private readonly worker: NotifiedWorker;

  constructor(
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(DEADLINE_NOTICE_STORE) private readonly notices: DeadlineNoticeStore,
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: EnvelopePublisher,
  ) {
    this.worker = new NotifiedWorker(async () => (await this.relayOnce()) >= BATCH, {
      url: config.databaseUrl,
      channels: [NodeChannels.deadlineNotices],
      sweepMs: config.relayPollMs,
      errorMs: 1_000,
      onError: (error) => this.logger.warn(`overdue announcements paused after an error: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  relayOnce(): Promise<number> {
    return this.notices.relay(BATCH, (notices) =>
      this.publisher.publish(
        TopicNames.deadlines(this.config.network),
        notices.map((notice) => ({
          key: String(notice.announcement['caseRef']),
          value: JSON.stringify(notice.announcement),
        })),
      ),
    );
  }
}
