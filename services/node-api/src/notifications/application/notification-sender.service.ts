import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PollingWorker } from '@enlace/messaging';
import { retryDelayMs } from '../domain/delivery-schedule';
import { EmailChannel } from '../infrastructure/email.channel';
import type { ClaimedNotification, NotificationStore } from '../infrastructure/notification.store';
import { WebhookChannel } from '../infrastructure/webhook.channel';
import type { NotificationConfig } from '../notification.config';
import { NOTIFICATION_CONFIG, NOTIFICATION_STORE } from '../notifications.tokens';

const BATCH = 20;
/** How long a claimed notification is this sender's: longer than one SMTP or webhook attempt can take. */
const LEASE_MS = 60_000;

/**
 * Delivers the recorded notifications by e-mail or webhook; a failed attempt is tried again later (30 s, doubling
 * to an hour, a dozen times), then kept as given up with its last error for the operator. Logs say how many, never
 * to whom.
 */
@Injectable()
export class NotificationSenderService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationSenderService.name);
  private readonly worker: PollingWorker;
  private readonly email?: EmailChannel;
  private readonly webhook = new WebhookChannel();

  constructor(
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    @Inject(NOTIFICATION_STORE) private readonly store: NotificationStore,
  ) {
    if (config.smtpUrl !== undefined) this.email = new EmailChannel(config.smtpUrl, config.from);
    this.worker = new PollingWorker(() => this.sendOnce(), {
      idleMs: config.scanMs,
      errorMs: Math.max(config.scanMs, 1000),
      onError: (error) => this.logger.warn(`notification delivery paused after an error: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
    this.email?.close();
  }

  /** One round; true when it took a full batch (more may be due). */
  async sendOnce(now: Date = new Date()): Promise<boolean> {
    const claimed = await this.store.claim(BATCH, LEASE_MS, now);
    let failed = 0;
    for (const notification of claimed) {
      try {
        await this.deliver(notification);
        await this.store.delivered(notification.id);
      } catch (error) {
        failed++;
        const delay = retryDelayMs(notification.attempts + 1, this.config.firstRetryMs);
        const retryAt = delay === undefined ? undefined : new Date(Date.now() + delay);
        await this.store.failed(notification.id, (error as Error).message, retryAt);
      }
    }
    if (failed > 0) this.logger.warn(`${failed} of ${claimed.length} notification(s) not delivered; tried again later`);
    return claimed.length === BATCH;
  }

  private async deliver(notification: ClaimedNotification): Promise<void> {
    if (notification.channel === 'email') {
      if (!this.email) throw new Error('this node sends no e-mail (ENLACE_SMTP_URL is not set)');
      await this.email.send(notification.address, notification.message);
      return;
    }
    if (notification.secret === null) throw new Error('the webhook subscription has no secret');
    await this.webhook.send(notification.address, notification.secret, notification.id, notification.message);
  }
}
