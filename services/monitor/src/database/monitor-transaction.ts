import { Kysely, Transaction } from 'kysely';
import { MonitorDatabase } from './monitor-database.schema';

/** SQLSTATE of a deadlock the server broke, and of a serialization failure: the work is right, its timing was not. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

/**
 * Runs `work` in one transaction and tries it again (up to five times in all) when the server broke a deadlock
 * with another writer or refused it as a serialization failure: concurrent batches take their rows in one order,
 * but two batches may still meet on rows of different tables (an envelope and the receipt of another).
 */
export async function inMonitorTransaction<T>(
  db: Kysely<MonitorDatabase>,
  work: (trx: Transaction<MonitorDatabase>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= MAX_ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
