import type { Kysely, Migration } from 'kysely';
import * as nodeStore from './migrations/0001-node-store.migration';
import * as inboxSetAside from './migrations/0002-inbox-set-aside.migration';
import * as caseLists from './migrations/0003-case-lists.migration';
import * as intakes from './migrations/0004-intakes.migration';
import * as statisticsReports from './migrations/0006-statistics-reports.migration';
import * as notifications from './migrations/0007-notifications.migration';
import * as auditKey from './migrations/0008-audit-key.migration';
import * as caseDocuments from './migrations/0009-case-documents.migration';
import * as agencies from './migrations/0010-agencies.migration';
import * as traceContext from './migrations/0011-trace-context.migration';
import * as auditLogFilters from './migrations/0014-audit-log-filters.migration';
import * as inboxBySequence from './migrations/0015-inbox-by-sequence.migration';
import { migrateToLatest } from './schema-migrations';

/** The node database's migrations, in order. A new one is added here, never an old one changed. */
export const NODE_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-node-store': nodeStore,
  '0002-inbox-set-aside': inboxSetAside,
  '0003-case-lists': caseLists,
  '0004-intakes': intakes,
  '0006-statistics-reports': statisticsReports,
  '0007-notifications': notifications,
  '0008-audit-key': auditKey,
  '0009-case-documents': caseDocuments,
  '0010-agencies': agencies,
  '0011-trace-context': traceContext,
  '0014-audit-log-filters': auditLogFilters,
  '0015-inbox-by-sequence': inboxBySequence,
};

/** Brings a node's database to the newest schema; node-api and courier both call it at start. */
export function migrateNodeDatabase<DB>(db: Kysely<DB>): Promise<void> {
  return migrateToLatest(db, NODE_MIGRATIONS, 'node_schema_migrations');
}
