import {
  ConfigSchema,
  ConfigurationError,
  databaseSettings,
  envSetting,
  httpSettings,
  inProduction,
  integer,
  logSettings,
  networkSettings,
  nodeSettings,
  requiredText,
  tokenIssuerSettings,
} from '@enlace/config';
import { developmentIssuerProblems, developmentIssuerRules, WITHOUT_IDENTITY_PROVIDER } from '@enlace/auth';
import { readDeadlinePolicy } from '../deadlines/domain/deadline-policy.reader';
import { notificationSettings } from '../notifications/notification.settings';
import { agencyRules, agencySettings } from './agency.settings';
import { authRules, authSettings } from './auth.settings';
import { IsoDuration } from './iso-duration';

/** An ISO 8601 duration, such as P7D or PT12H; unset: none. */
function duration(description: string, fallback?: string) {
  return envSetting(
    { description, ...(fallback !== undefined && { default: fallback }) },
    (value, refuse): IsoDuration | undefined => {
      if (value === undefined) return undefined;
      try {
        return IsoDuration.parse(value);
      } catch (error) {
        return refuse((error as RangeError).message);
      }
    },
  );
}

/** Everything node-api reads from its environment (node-api.config.ts turns it into NodeApiConfig). */
export const nodeApiSettings = {
  ...networkSettings,
  ...logSettings,
  ...nodeSettings,
  ENLACE_AUDIT_KEY_FILE: requiredText({
    description:
      "The node's audit key, an oct JWK of 32 random bytes in a file readable by its owner only (mode 600; " +
      '`enlace node init` writes it): every audit record is sealed with it (HMAC-SHA256), so that whoever can write ' +
      'the database but not read this file cannot rewrite the log unseen. Refused at start when unreadable, ' +
      'readable by group or others, or not the key the log was sealed with. Never in the same backup as the database.',
    example: '/etc/enlace/secrets/co.audit-key.json',
  }),
  ...httpSettings({ port: 3000, bodyLimit: '256kb' }),
  ENLACE_HTTP_MAX_IN_FLIGHT: integer({
    description: 'Requests worked on at once; one more is answered 503 with Retry-After (load shedding).',
    fallback: 64,
    min: 1,
  }),
  ...databaseSettings,
  ...tokenIssuerSettings(WITHOUT_IDENTITY_PROVIDER),
  ...authSettings,
  ...agencySettings,
  ENLACE_REFERRAL_ANSWER_PERIOD: duration(
    'How long a receiver has to answer a referral before the sender lets it expire, an ISO 8601 duration. ' +
      'Unset: ENLACE_REFERRAL_ANSWER_DAYS days.',
    'P7D',
  ),
  ENLACE_REFERRAL_ANSWER_DAYS: integer({
    description: 'The older form of ENLACE_REFERRAL_ANSWER_PERIOD, in days; counts only where the period is not set.',
    fallback: 7,
    min: 1,
  }),
  ENLACE_DEADLINES: envSetting(
    {
      description:
        "The network's due times per kind of step and corridor, as JSON: " +
        '{"default": {"returnStep": "P10D"}, "corridors": {"AR-BO": {"followUpIntervalDays": 30}}}; kinds ' +
        'referralAnswer, returnStep, reintegrationPlan (ISO 8601 durations) and followUpIntervalDays. Every part is ' +
        'optional. Unset: the built-in periods, the referral answer from ENLACE_REFERRAL_ANSWER_PERIOD.',
    },
    (value, refuse): string | undefined => {
      if (value === undefined) return undefined;
      try {
        readDeadlinePolicy(value);
        return value;
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        return refuse(error.message.replace(/^ENLACE_DEADLINES /, ''));
      }
    },
  ),
  ...notificationSettings,
  ENLACE_STATISTICS_INTERVAL_MS: integer({
    description:
      "How often the node publishes this month's and last month's regional statistics (suppressed counts, no " +
      'person), in ms; 0: only when a supervisor asks (POST /statistics/reports).',
    fallback: 86_400_000,
    min: 0,
  }),
  ENLACE_STATISTICS_THRESHOLD: integer({
    description:
      'The smallest count the regional statistics publish as a number; a count below it is published as "<k" and ' +
      'further cells are withheld so that no total gives it away.',
    fallback: 11,
    min: 2,
  }),
  ENLACE_DOCUMENT_MAX_BYTES: integer({
    description:
      'The largest document a case may have attached, in bytes; a larger upload is answered 413. It travels to the ' +
      'other end in chunks of 192 KiB, whatever its size.',
    fallback: 10 * 1024 * 1024,
    min: 1024,
  }),
  ENLACE_OVERDUE_SCAN_MS: integer({
    description: 'How often the node looks for steps other countries let go overdue, to announce them, in ms.',
    fallback: 60_000,
    min: 10,
  }),
  ENLACE_REFERRAL_EXPIRY_GRACE: duration(
    'How long past the answer due time the sender still waits before it lets the referral expire (an ISO 8601 ' +
      'duration); meanwhile the referral shows as overdue at both ends. Unset: it expires at the first check after ' +
      'the due time.',
  ),
  ENLACE_REFERRAL_EXPIRY_POLL_MS: integer({
    description: 'How often the sender looks for referrals whose answer is overdue, to let them expire, in ms.',
    fallback: 60_000,
    min: 10,
  }),
  ENLACE_INBOX_POLL_MS: integer({
    description:
      'How often the applier looks at the inbox when no notification woke it, in ms: a safety sweep only, since ' +
      'the courier wakes it as soon as it stored a batch.',
    fallback: 5_000,
    min: 10,
  }),
};

/**
 * In production the development issuer (its users file of passwords, its shared-secret tokens) is refused: the
 * country's identity provider issues the tokens.
 */
const refuseDevelopmentIssuer = inProduction((set) =>
  developmentIssuerProblems(set, { tokens: "this node's", provider: "the country's" }),
);

export const nodeApiConfigSchema = new ConfigSchema('node-api', nodeApiSettings, [
  ...developmentIssuerRules,
  ...authRules,
  ...agencyRules,
  refuseDevelopmentIssuer,
]);
