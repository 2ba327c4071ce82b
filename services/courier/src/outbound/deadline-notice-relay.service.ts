import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EnvelopePublisher, PollingWorker, TopicNames } from '@enlace/messaging';
import { DeadlineNoticeStore } from '@enlace/store';
import { COURIER_CONFIG, CourierConfig } from '../config/courier.config';
import { DEADLINE_NOTICE_STORE, ENVELOPE_PUBLISHER } from '../courier.tokens';

const BATCH = 100;

/**
 * Publishes the node API's overdue announcements on the network's deadlines topic, in clear JSON (they carry
 * timing facts only), keyed by case reference; a notice is marked sent after the broker acknowledged it.
 */
@Injectable()
export class DeadlineNoticeRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineNoticeRelayService.name);
  private readonly worker: PollingWorker;

  constructor(
    @Inject(COURIER_CONFIG) private readonly config: CourierConfig,
    @Inject(DEADLINE_NOTICE_STORE) private readonly notices: DeadlineNoticeStore,
    @Inject(ENVELOPE_PUBLISHER) private readonly publisher: EnvelopePublisher,
  ) {
    this.worker = new PollingWorker(async () => (await this.relayOnce()) >= BATCH, {
      idleMs: Math.max(config.relayPollMs, 1000),
      errorMs: Math.max(config.relayPollMs, 1000),
      onError: (error) => this.logger.warn(`overdue announcements paused after an error: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  async relayOnce(): Promise<number> {
    const pending = await this.notices.findUnsent(BATCH);
    if (pending.length === 0) return 0;
    await this.publisher.publish(
      TopicNames.deadlines(this.config.network),
      pending.map((notice) => ({
        key: String(notice.announcement['caseRef']),
        value: JSON.stringify(notice.announcement),
      })),
    );
    await this.notices.markSent(
      pending.map((notice) => notice._id),
      new Date(),
    );
    return pending.length;
  }
}
