import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { NodeApiSchemas } from '@enlace/contracts';
import { ProblemException } from '@enlace/http';
import { NODE_API_CONFIG, NodeApiConfig } from '../../config/node-api.config';
import type { NotificationEvent } from '../domain/notification-event';
import type { NotificationStore, NotificationSubscription } from '../infrastructure/notification.store';
import type { NotificationConfig } from '../notification.config';
import { NOTIFICATION_CONFIG, NOTIFICATION_STORE } from '../notifications.tokens';

type SubscriptionRequest = NodeApiSchemas['NotificationSubscriptionRequest'];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function unprocessable(field: string, message: string, detail: string): ProblemException {
  return new ProblemException({
    status: 422,
    title: 'Unprocessable Content',
    detail,
    errors: [{ field, message }],
  });
}

/** A user's own subscriptions: where to be told (e-mail or webhook) and of which events. */
@Injectable()
export class NotificationSubscriptionsService {
  constructor(
    @Inject(NODE_API_CONFIG) private readonly node: NodeApiConfig,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    @Inject(NOTIFICATION_STORE) private readonly store: NotificationStore,
  ) {}

  async subscribe(username: string, request: SubscriptionRequest): Promise<NotificationSubscription> {
    if (request.channel === 'email') {
      if (!EMAIL.test(request.address)) {
        throw unprocessable('/address', 'must be an e-mail address', 'The address is not an e-mail address.');
      }
      if (this.config.smtpUrl === undefined) {
        throw unprocessable('/channel', 'this node sends no e-mail', 'This node has no SMTP server to send e-mail.');
      }
    } else {
      this.checkWebhook(request.address);
    }
    return this.store.subscribe({
      username,
      channel: request.channel,
      address: request.address,
      secret: request.channel === 'webhook' ? randomBytes(32).toString('base64url') : null,
      events: request.events as NotificationEvent[],
    });
  }

  list(username: string): Promise<NotificationSubscription[]> {
    return this.store.subscriptionsOf(username);
  }

  async unsubscribe(username: string, id: string): Promise<void> {
    if (!(await this.store.unsubscribe(username, id))) {
      throw new ProblemException({ status: 404, title: 'Not Found', detail: 'You have no subscription with this id.' });
    }
  }

  /** An https URL; plain http only to the node's own machine, and never in production. */
  private checkWebhook(address: string): void {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      throw unprocessable('/address', 'must be an https URL', 'The webhook address is not a URL.');
    }
    const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname) && this.node.mode !== 'production';
    if (url.protocol !== 'https:' && !local) {
      throw unprocessable('/address', 'must be an https URL', 'A webhook is reached over https only.');
    }
    if (url.username || url.password) {
      throw unprocessable('/address', 'must not hold credentials', 'The webhook address must not hold a password.');
    }
  }
}
