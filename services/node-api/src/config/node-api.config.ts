import type { DeploymentMode, SettingValues } from '@enlace/config';
import { DEFAULT_DEADLINE_PERIODS, DeadlinePolicy } from '../deadlines/domain/deadline-policy';
import { readDeadlinePolicy } from '../deadlines/domain/deadline-policy.reader';
import { IsoDuration } from './iso-duration';
import { nodeApiConfigSchema, nodeApiSettings } from './node-api.settings';

/** Everything node-api reads from its environment (node-api.settings.ts), checked once at start. */
export interface NodeApiConfig {
  readonly country: string;
  readonly network: string;
  /** The node's agencies (ENLACE_AGENCIES): each user and each case belongs to one of them. */
  readonly agencies: readonly string[];
  /** The agency that speaks for the country to the network (ENLACE_GATEWAY_AGENCY, else the first agency). */
  readonly gatewayAgency: string;
  readonly httpPort: number;
  readonly httpHost: string;
  /** The node's own database (DATABASE_URL): node-api and its courier share it, no other node reads it. */
  readonly databaseUrl: string;
  /**
   * Connections this process may hold (ENLACE_DATABASE_MAX_CONNECTIONS, 10 by default): in the demo a node's API
   * and courier share one server with four other nodes and the monitor, so each pool is kept small on purpose.
   */
  readonly databaseMaxConnections: number;
  /** ENLACE_ENV: production refuses the development-only settings (node-api.settings.ts). */
  readonly mode: DeploymentMode;
  /**
   * Signing secret of the built-in development token issuer, the node's own; absent when the country's identity
   * provider issues the tokens.
   */
  readonly jwtSecret?: string;
  readonly tokenTtlSeconds: number;
  /** The development issuer's users; absent when the country's identity provider issues the tokens. */
  readonly usersFile?: string;
  /** The node's key-encryption key (ENLACE_CASE_KEK_FILE): it wraps each case's key for personal data at rest. */
  readonly caseKekFile: string;
  /** The node's audit key (ENLACE_AUDIT_KEY_FILE): it seals each audit record (HMAC-SHA256), outside the database. */
  readonly auditKeyFile: string;
  /** How long a receiver has to answer a referral before the sender lets it expire (docs/architecture.md §3). */
  readonly referralAnswerPeriod: IsoDuration;
  /** The network's due times per kind of step and corridor (ENLACE_DEADLINES), the referral answer included. */
  readonly deadlines: DeadlinePolicy;
  /**
   * How often the node looks for steps that other countries let go overdue, to announce them (a minute by default:
   * due times are days apart).
   */
  readonly overdueScanMs: number;
  /**
   * How often the node counts its cases of this month and the last and queues the suppressed report for the
   * secretariat (ENLACE_STATISTICS_INTERVAL_MS, a day by default; 0 publishes only on a supervisor's demand).
   */
  readonly statisticsIntervalMs: number;
  /** k of small-cell suppression (ENLACE_STATISTICS_THRESHOLD, 11 by default): counts 1..k-1 never leave the node. */
  readonly statisticsThreshold: number;
  /**
   * How long past the answer due time the sender still waits before it lets the referral expire; meanwhile the
   * referral shows as overdue at both ends. None by default: it expires at the first check after the due time.
   */
  readonly referralExpiryGrace?: IsoDuration;
  /** How often the sender looks for its referrals whose answer is overdue, to let them expire (a minute by default). */
  readonly referralExpiryPollMs: number;
  /**
   * How often the applier looks at the inbox when no notification woke it (ENLACE_INBOX_POLL_MS, 5 s by default):
   * a safety sweep only, since the courier wakes it with a notification as soon as it stored a batch.
   */
  readonly inboxPollMs: number;
  readonly bodyLimit: string;
  /** The largest document a case may have attached, in bytes (ENLACE_DOCUMENT_MAX_BYTES, 10 MiB by default). */
  readonly documentMaxBytes: number;
  /** Requests worked on at once; one more is answered 503 with Retry-After (load shedding). */
  readonly httpMaxInFlight: number;
  /** Proxies whose X-Forwarded-For names the client (ENLACE_TRUSTED_PROXIES); false: none. */
  readonly trustedProxies: string[] | false;
}

export const NODE_API_CONFIG = Symbol('NODE_API_CONFIG');

/** node-api's settings from `env`, or a ConfigurationError naming every problem at once. */
export function readNodeApiConfig(env: NodeJS.ProcessEnv = process.env): NodeApiConfig {
  return nodeApiConfigOf(nodeApiConfigSchema.read(env));
}

/** The configuration node-api's modules use, from its checked settings. */
export function nodeApiConfigOf(settings: SettingValues<typeof nodeApiSettings>): NodeApiConfig {
  // ENLACE_REFERRAL_ANSWER_DAYS still counts where the period is not set, so that existing settings keep working
  const referralAnswerPeriod =
    settings.ENLACE_REFERRAL_ANSWER_PERIOD ?? IsoDuration.parse(`P${settings.ENLACE_REFERRAL_ANSWER_DAYS}D`);
  const jwtSecret = settings.ENLACE_JWT_SECRET;
  const usersFile = settings.ENLACE_USERS_FILE;
  const grace = settings.ENLACE_REFERRAL_EXPIRY_GRACE;
  return {
    mode: settings.ENLACE_ENV,
    country: settings.ENLACE_COUNTRY,
    network: settings.ENLACE_NETWORK,
    agencies: settings.ENLACE_AGENCIES,
    gatewayAgency: settings.ENLACE_GATEWAY_AGENCY ?? (settings.ENLACE_AGENCIES[0] as string),
    httpPort: settings.ENLACE_HTTP_PORT,
    httpHost: settings.ENLACE_HTTP_HOST,
    databaseUrl: settings.DATABASE_URL,
    databaseMaxConnections: settings.ENLACE_DATABASE_MAX_CONNECTIONS,
    ...(jwtSecret !== undefined && { jwtSecret }),
    tokenTtlSeconds: settings.ENLACE_TOKEN_TTL_SECONDS,
    ...(usersFile !== undefined && { usersFile }),
    caseKekFile: settings.ENLACE_CASE_KEK_FILE,
    auditKeyFile: settings.ENLACE_AUDIT_KEY_FILE,
    referralAnswerPeriod,
    deadlines: readDeadlinePolicy(settings.ENLACE_DEADLINES, {
      ...DEFAULT_DEADLINE_PERIODS,
      referralAnswer: referralAnswerPeriod,
    }),
    overdueScanMs: settings.ENLACE_OVERDUE_SCAN_MS,
    statisticsIntervalMs: settings.ENLACE_STATISTICS_INTERVAL_MS,
    statisticsThreshold: settings.ENLACE_STATISTICS_THRESHOLD,
    ...(grace !== undefined && { referralExpiryGrace: grace }),
    referralExpiryPollMs: settings.ENLACE_REFERRAL_EXPIRY_POLL_MS,
    inboxPollMs: settings.ENLACE_INBOX_POLL_MS,
    bodyLimit: settings.ENLACE_HTTP_BODY_LIMIT,
    documentMaxBytes: settings.ENLACE_DOCUMENT_MAX_BYTES,
    httpMaxInFlight: settings.ENLACE_HTTP_MAX_IN_FLIGHT,
    trustedProxies: settings.ENLACE_TRUSTED_PROXIES ?? false,
  };
}
