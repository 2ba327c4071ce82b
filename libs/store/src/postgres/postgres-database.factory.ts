import { backOff } from 'exponential-backoff';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import { Pool } from 'pg';
import { PreparedStatementPool } from './prepared-statement-pool';
import { StatementCounter } from './statement-counter';

export interface PostgresDatabaseOptions {
  /** postgres://user:password@host:port/database — the node's own database (or the monitor's). */
  readonly url: string;
  /** Connections this process may hold at once; a node's processes share one server. */
  readonly maxConnections?: number;
  /** Shown in pg_stat_activity, so an operator sees which process holds which connection. */
  readonly applicationName?: string;
  /** Told of each failed first attempt, while the service waits for its database. */
  readonly onRetry?: (error: Error, attempt: number) => void;
  /** Told of every statement sent (a test that counts or reads them). */
  readonly log?: (event: LogEvent) => void;
}

/**
 * Opens a pool on the database and waits for it — with exponential backoff and jitter — when it is not up yet, so
 * that a service started before its database comes up instead of crashing. Once open, the pool replaces a broken
 * connection by a new one on its next use; a query while the server is away fails at once (the caller retries).
 */
export async function createPostgresDatabase<DB>(options: PostgresDatabaseOptions): Promise<Kysely<DB>> {
  const pool = new Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'enlace',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server closed (a restart) must not crash the process: the pool drops it.
  pool.on('error', () => undefined);
  // The same for a connection in use: a server shutting down sends it a FATAL error event while a transaction is
  // open (the relay's, while it produces); the query in flight fails and its caller retries, and the pool drops the
  // connection when it is released. Without a listener the event would end the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  await backOff(
    async () => {
      const client = await pool.connect();
      client.release();
    },
    {
      numOfAttempts: Number.MAX_SAFE_INTEGER,
      startingDelay: 500,
      timeMultiple: 2,
      maxDelay: 15_000,
      jitter: 'full',
      retry: (error: Error, attempt: number) => {
        options.onRetry?.(error, attempt);
        return true;
      },
    },
  );
  const countDir = process.env['ENLACE_STATEMENT_COUNT_DIR'];
  const counter = countDir ? new StatementCounter(countDir, options.applicationName ?? 'enlace') : undefined;
  const loggers = [counter?.log, options.log].filter((each) => each !== undefined);
  // Hot-path statements are prepared once per connection (PreparedStatementPool).
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: new PreparedStatementPool(pool) }),
    ...(loggers.length > 0 ? { log: (event: LogEvent) => loggers.forEach((log) => log(event)) } : {}),
  });
}
