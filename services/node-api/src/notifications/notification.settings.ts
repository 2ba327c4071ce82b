import { envSetting, integer, optionalText } from '@enlace/config';

/** node-api's notification settings (part of its configuration schema, node-api.settings.ts). */
export const notificationSettings = {
  ENLACE_SMTP_URL: envSetting<string | undefined>(
    {
      description:
        "The country's SMTP server that sends e-mail notifications, as a URL (smtp://user:password@host:587, or " +
        'smtps:// for TLS from the start). Unset: the node sends no e-mail and refuses e-mail subscriptions.',
      secret: true,
    },
    (value, refuse) =>
      value === undefined
        ? undefined
        : /^smtps?:\/\//.test(value)
          ? value
          : refuse('must be an smtp:// or smtps:// URL'),
  ),
  ENLACE_NOTIFY_FROM: optionalText({
    description: 'The sender of notification e-mails.',
    fallback: 'Enlace <no-reply@enlace.invalid>',
  }),
  ENLACE_CONSOLE_URL: optionalText({
    description: "The console's address as its users reach it: notifications link to a case there.",
    fallback: 'http://127.0.0.1:18080',
  }),
  ENLACE_NOTIFY_SCAN_MS: integer({
    description: 'How often the node looks for what its users asked to be told, and sends what is due, in ms.',
    fallback: 5000,
    min: 100,
  }),
  ENLACE_NOTIFY_FIRST_RETRY_MS: integer({
    description:
      'How long after a failed delivery it is tried again, in ms; the wait doubles after each failure, up to an hour, ' +
      'for 12 attempts.',
    fallback: 30_000,
    min: 10,
  }),
  ENLACE_NOTIFY_DUE_SOON_HOURS: integer({
    description: 'How long before a step is due its "due soon" notification goes out, in hours.',
    fallback: 24,
    min: 1,
  }),
};
