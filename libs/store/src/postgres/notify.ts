import { sql, type QueryExecutorProvider } from 'kysely';

/**
 * Wakes whoever listens on `channel`. Inside a transaction the notification goes out when it commits, and not at
 * all when it rolls back: the listener never looks for work that is not there yet. PostgreSQL folds the same
 * notification sent many times in one transaction into one.
 */
export async function notify(db: QueryExecutorProvider, channel: string): Promise<void> {
  await sql`select pg_notify(${channel}, '')`.execute(db);
}
