import type { NotificationMessage } from '../domain/notification-message';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

const TIMEOUT_MS = 10_000;

/** Posts notifications as JSON to a subscriber's HTTPS endpoint, signed with the subscription's secret (HMAC). */
export class WebhookChannel {
  async send(url: string, secret: string, id: string, message: NotificationMessage, now = new Date()): Promise<void> {
    const body = JSON.stringify({ id, ...message });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // The receiver drops a notification it has seen: a retried delivery carries the same id.
        'x-enlace-notification-id': id,
        [SIGNATURE_HEADER]: signWebhook(secret, body, now),
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
  }
}
