import { ConfigSchema } from '@enlace/config';
import { notificationSettings } from './notification.settings';

export interface NotificationConfig {
  /** Unset: no e-mail is sent, and e-mail subscriptions are refused. */
  readonly smtpUrl?: string;
  readonly from: string;
  readonly consoleUrl: string;
  readonly scanMs: number;
  readonly firstRetryMs: number;
  readonly dueSoonMs: number;
}

/** The notification settings; node-api's whole schema has checked them at start already (main.ts). */
export function readNotificationConfig(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const settings = new ConfigSchema('node-api', notificationSettings).read(env);
  return {
    ...(settings.ENLACE_SMTP_URL !== undefined && { smtpUrl: settings.ENLACE_SMTP_URL }),
    from: settings.ENLACE_NOTIFY_FROM,
    consoleUrl: settings.ENLACE_CONSOLE_URL.replace(/\/+$/, ''),
    scanMs: settings.ENLACE_NOTIFY_SCAN_MS,
    firstRetryMs: settings.ENLACE_NOTIFY_FIRST_RETRY_MS,
    dueSoonMs: settings.ENLACE_NOTIFY_DUE_SOON_HOURS * 3_600_000,
  };
}
