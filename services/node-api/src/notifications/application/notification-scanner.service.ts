import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PollingWorker } from '@enlace/messaging';
import { NODE_API_CONFIG, NodeApiConfig } from '../../config/node-api.config';
import { eventOfDeadline, eventOfMessage, type NotificationEvent } from '../domain/notification-event';
import { composeNotification, type NotificationSubject } from '../domain/notification-message';
import type { NotificationConfig } from '../notification.config';
import { NOTIFICATION_CONFIG, NOTIFICATION_STORE } from '../notifications.tokens';
import type {
  NewNotification,
  NotificationStore,
  NotificationSubscription,
} from '../infrastructure/notification.store';

const BATCH = 200;

/**
 * Turns what happened at the node into notifications for the users who asked: each applied message of the inbox
 * (read in order, from a cursor kept in the database) and each step of this node due soon or overdue. A notification
 * is recorded once per subscription and event (its dedupe key), so a second scan, a restart or a second node-api
 * process adds nothing twice; the sender delivers them.
 */
@Injectable()
export class NotificationScannerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationScannerService.name);
  private readonly worker: PollingWorker;

  constructor(
    @Inject(NODE_API_CONFIG) private readonly node: NodeApiConfig,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    @Inject(NOTIFICATION_STORE) private readonly store: NotificationStore,
  ) {
    this.worker = new PollingWorker(() => this.scanOnce(), {
      idleMs: config.scanMs,
      errorMs: Math.max(config.scanMs, 1000),
      onError: (error) => this.logger.warn(`notification scan paused after an error: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  /** One scan; true when it read a full batch of the inbox (more may be waiting). */
  async scanOnce(now: Date = new Date()): Promise<boolean> {
    const subscriptions = await this.store.allSubscriptions();
    const cursor = await this.store.inboxCursor();
    const messages = await this.store.inboxAfter(cursor, BATCH);
    const firstWaiting = messages.findIndex((message) => message.waiting);
    const read = firstWaiting === -1 ? messages : messages.slice(0, firstWaiting);
    const notifications: NewNotification[] = [];
    for (const message of read) {
      const event = eventOfMessage(message.type);
      if (!event) continue;
      const subject: NotificationSubject = {
        event,
        country: this.node.country,
        protocol: message.protocol,
        caseId: message.caseId,
        step: message.type,
        counterpart: message.fromCountry,
      };
      notifications.push(...this.forSubscribers(subscriptions, subject, message.envelopeId));
    }
    for (const step of await this.store.stepsDueBy(new Date(now.getTime() + this.config.dueSoonMs), BATCH)) {
      const event = eventOfDeadline(step.due, now, this.config.dueSoonMs);
      if (!event) continue;
      const subject: NotificationSubject = {
        event,
        country: this.node.country,
        protocol: step.protocol,
        caseId: step.caseId,
        step: step.status,
        due: step.due,
      };
      notifications.push(...this.forSubscribers(subscriptions, subject, step.due.toISOString()));
    }
    const last = read.at(-1)?.seq;
    if (notifications.length > 0 || last !== undefined) {
      const added = await this.store.record(notifications, last, now);
      if (added > 0) this.logger.log(`${added} notification(s) to send`);
    }
    return messages.length === BATCH && firstWaiting === -1;
  }

  private forSubscribers(
    subscriptions: readonly NotificationSubscription[],
    subject: NotificationSubject,
    about: string,
  ): NewNotification[] {
    const event: NotificationEvent = subject.event;
    return subscriptions
      .filter((subscription) => subscription.events.includes(event))
      .map((subscription) => ({
        subscriptionId: subscription.id,
        dedupeKey: `${subscription.id}:${event}:${subject.caseId}:${about}`,
        message: composeNotification(subject, this.config.consoleUrl),
      }));
  }
}
