import { migrateToLatest } from '@enlace/store';
import type { Kysely, Migration } from 'kysely';
import * as monitorStore from './migrations/0001-monitor-store.migration';
import * as regionalStatistics from './migrations/0002-regional-statistics.migration';
import * as auditCheckpoints from './migrations/0003-audit-checkpoints.migration';
import * as deadLetterVerification from './migrations/0004-dead-letter-verification.migration';
import * as minuteCounters from './migrations/0005-minute-counters.migration';
import * as auditLogInstant from './migrations/0006-audit-log-instant.migration';

/** The monitor database's migrations, in order. A new one is added here, never an old one changed. */
export const MONITOR_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-monitor-store': monitorStore,
  '0002-regional-statistics': regionalStatistics,
  '0003-audit-checkpoints': auditCheckpoints,
  '0004-dead-letter-verification': deadLetterVerification,
  '0005-minute-counters': minuteCounters,
  '0006-audit-log-instant': auditLogInstant,
};

/** Brings the monitor's database to the newest schema; the monitor calls it at start. */
export function migrateMonitorDatabase<DB>(db: Kysely<DB>): Promise<void> {
  return migrateToLatest(db, MONITOR_MIGRATIONS, 'monitor_schema_migrations');
}
