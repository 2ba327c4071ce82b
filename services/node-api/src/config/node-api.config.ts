import {
  ConfigurationError,
  DeploymentMode,
  EnvReader,
  NETWORK_NAME,
  readDeploymentMode,
  refuseUnsafeProduction,
} from '@enlace/config';
import { readTrustedProxies } from '@enlace/http';
import { DEFAULT_DEADLINE_PERIODS, DeadlinePolicy } from '../deadlines/domain/deadline-policy';
import { readDeadlinePolicy } from '../deadlines/domain/deadline-policy.reader';
import { IsoDuration } from './iso-duration';
import { nodeApiProductionProblems } from './production-settings';

/** Everything node-api reads from its environment, checked once at start. */
export interface NodeApiConfig {
  readonly country: string;
  readonly network: string;
  readonly httpPort: number;
  readonly httpHost: string;
  /** The node's own database (DATABASE_URL): node-api and its courier share it, no other node reads it. */
  readonly databaseUrl: string;
  /**
   * Connections this process may hold (ENLACE_DATABASE_MAX_CONNECTIONS, 10 by default): in the demo a node's API
   * and courier share one server with four other nodes and the monitor, so each pool is kept small on purpose.
   */
  readonly databaseMaxConnections: number;
  /** ENLACE_ENV: production refuses the development-only settings (production-settings.ts). */
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
  /** Requests worked on at once; one more is answered 503 with Retry-After (load shedding). */
  readonly httpMaxInFlight: number;
  /** Proxies whose X-Forwarded-For names the client (ENLACE_TRUSTED_PROXIES); false: none. */
  readonly trustedProxies: string[] | false;
}

export const NODE_API_CONFIG = Symbol('NODE_API_CONFIG');

export function readNodeApiConfig(env: NodeJS.ProcessEnv = process.env): NodeApiConfig {
  const read = new EnvReader(env);
  const mode = readDeploymentMode(read);
  refuseUnsafeProduction('node-api', mode, nodeApiProductionProblems(read));
  const country = read.country('ENLACE_COUNTRY');
  const network = read.matching('ENLACE_NETWORK', NETWORK_NAME, 'lower-case letters, digits and dashes (2-31)');
  // the development issuer's settings: needed only when no identity provider is (ENLACE_OIDC_ISSUER)
  const developmentIssuer = read.optional('ENLACE_OIDC_ISSUER') === undefined;
  const jwtSecret = developmentIssuer ? read.required('ENLACE_JWT_SECRET') : read.optional('ENLACE_JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigurationError('ENLACE_JWT_SECRET must be at least 32 characters');
  }
  const usersFile = developmentIssuer ? read.required('ENLACE_USERS_FILE') : read.optional('ENLACE_USERS_FILE');
  const referralAnswerPeriod = readAnswerPeriod(read);
  return {
    mode,
    country,
    network,
    httpPort: read.integer('ENLACE_HTTP_PORT', 3000, 1),
    httpHost: read.optional('ENLACE_HTTP_HOST') ?? '127.0.0.1',
    databaseUrl: read.required('DATABASE_URL'),
    databaseMaxConnections: read.integer('ENLACE_DATABASE_MAX_CONNECTIONS', 10, 2),
    ...(jwtSecret !== undefined && { jwtSecret }),
    tokenTtlSeconds: read.integer('ENLACE_TOKEN_TTL_SECONDS', 3600, 60),
    ...(usersFile !== undefined && { usersFile }),
    caseKekFile: read.required('ENLACE_CASE_KEK_FILE'),
    referralAnswerPeriod,
    deadlines: readDeadlinePolicy(read.optional('ENLACE_DEADLINES'), {
      ...DEFAULT_DEADLINE_PERIODS,
      referralAnswer: referralAnswerPeriod,
    }),
    overdueScanMs: read.integer('ENLACE_OVERDUE_SCAN_MS', 60_000, 10),
    statisticsIntervalMs: read.integer('ENLACE_STATISTICS_INTERVAL_MS', 86_400_000, 0),
    statisticsThreshold: read.integer('ENLACE_STATISTICS_THRESHOLD', 11, 2),
    ...optionalDuration(read, 'ENLACE_REFERRAL_EXPIRY_GRACE', 'referralExpiryGrace'),
    referralExpiryPollMs: read.integer('ENLACE_REFERRAL_EXPIRY_POLL_MS', 60_000, 10),
    inboxPollMs: read.integer('ENLACE_INBOX_POLL_MS', 5_000, 10),
    bodyLimit: read.optional('ENLACE_HTTP_BODY_LIMIT') ?? '256kb',
    httpMaxInFlight: read.integer('ENLACE_HTTP_MAX_IN_FLIGHT', 64, 1),
    trustedProxies: readTrustedProxies(read),
  };
}

/**
 * ENLACE_REFERRAL_ANSWER_PERIOD (an ISO 8601 duration, P7D by default after the sources' seven days); the older
 * ENLACE_REFERRAL_ANSWER_DAYS still counts where the period is not set, so existing settings keep working.
 */
function readAnswerPeriod(read: EnvReader): IsoDuration {
  const period = read.optional('ENLACE_REFERRAL_ANSWER_PERIOD');
  if (period === undefined) return IsoDuration.parse(`P${read.integer('ENLACE_REFERRAL_ANSWER_DAYS', 7, 1)}D`);
  return duration('ENLACE_REFERRAL_ANSWER_PERIOD', period);
}

function optionalDuration<K extends string>(read: EnvReader, name: string, key: K): Partial<Record<K, IsoDuration>> {
  const value = read.optional(name);
  return value === undefined ? {} : ({ [key]: duration(name, value) } as Record<K, IsoDuration>);
}

function duration(name: string, value: string): IsoDuration {
  try {
    return IsoDuration.parse(value);
  } catch (error) {
    throw new ConfigurationError(`${name} ${(error as Error).message}`);
  }
}
