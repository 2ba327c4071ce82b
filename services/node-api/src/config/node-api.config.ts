import { nodeDatabaseName } from '@enlace/store';
import { COUNTRY_CODE_PATTERN } from '@enlace/messaging';

/** Everything node-api reads from its environment, checked once at start. */
export interface NodeApiConfig {
  readonly country: string;
  readonly network: string;
  readonly httpPort: number;
  readonly httpHost: string;
  readonly mongodbUri: string;
  readonly dbName: string;
  /** Signing secret of the built-in development token issuer, shared by the demo network's nodes. */
  readonly jwtSecret: string;
  readonly tokenTtlSeconds: number;
  readonly usersFile: string;
  /** How long a receiver has to answer a referral before it may expire (DESIGN.md §3; issue 3 makes it per corridor). */
  readonly referralAnswerDays: number;
  readonly inboxPollMs: number;
  readonly bodyLimit: string;
}

export const NODE_API_CONFIG = Symbol('NODE_API_CONFIG');

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigurationError(`environment variable ${name} is required`);
  return value;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigurationError(`${name} must be a non-negative integer`);
  return value;
}

export function readNodeApiConfig(env: NodeJS.ProcessEnv = process.env): NodeApiConfig {
  const country = required(env, 'ENLACE_COUNTRY').toUpperCase();
  if (!COUNTRY_CODE_PATTERN.test(country))
    throw new ConfigurationError('ENLACE_COUNTRY must be an ISO 3166 alpha-2 code');
  const network = required(env, 'ENLACE_NETWORK');
  const jwtSecret = required(env, 'ENLACE_JWT_SECRET');
  if (jwtSecret.length < 32) throw new ConfigurationError('ENLACE_JWT_SECRET must be at least 32 characters');
  return {
    country,
    network,
    httpPort: integer(env, 'ENLACE_HTTP_PORT', 3000),
    httpHost: env['ENLACE_HTTP_HOST'] ?? '127.0.0.1',
    mongodbUri: required(env, 'MONGODB_URI'),
    dbName: env['ENLACE_DB_NAME'] ?? nodeDatabaseName(network, country),
    jwtSecret,
    tokenTtlSeconds: integer(env, 'ENLACE_TOKEN_TTL_SECONDS', 3600),
    usersFile: required(env, 'ENLACE_USERS_FILE'),
    referralAnswerDays: integer(env, 'ENLACE_REFERRAL_ANSWER_DAYS', 7),
    inboxPollMs: integer(env, 'ENLACE_INBOX_POLL_MS', 100),
    bodyLimit: env['ENLACE_HTTP_BODY_LIMIT'] ?? '256kb',
  };
}
