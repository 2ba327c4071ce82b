import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { AuditLogStore } from '@enlace/audit';
import { createPostgresDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { MONITOR_CONFIG, MonitorConfig } from '../config/monitor.config';
import { DeadLetterRepository } from '../dead-letters/persistence/dead-letter.repository';
import { MONITOR_DATABASE } from '../monitor.tokens';
import { NodeHealthRepository } from '../nodes/persistence/node-health.repository';
import { OverdueRepository } from '../overdue/persistence/overdue.repository';
import { RegionalStatisticsRepository } from '../regional-statistics/persistence/regional-statistics.repository';
import { AuditCheckpointRepository } from '../audit-checkpoints/persistence/audit-checkpoint.repository';
import { ConversationRepository } from '../statistics/persistence/conversation.repository';
import { EnvelopeTraceRepository } from '../statistics/persistence/envelope-trace.repository';
import { StatisticsRepository } from '../statistics/persistence/statistics.repository';
import { MonitorDatabase } from './monitor-database.schema';
import { migrateMonitorDatabase } from './monitor-migrations';

const logger = new Logger('database');
const OVER_THE_DATABASE = [
  StatisticsRepository,
  OverdueRepository,
  DeadLetterRepository,
  NodeHealthRepository,
  RegionalStatisticsRepository,
  AuditCheckpointRepository,
  AuditLogStore<MonitorDatabase>,
];
/** Repositories that work only inside a caller's transaction. */
const IN_TRANSACTIONS = [EnvelopeTraceRepository, ConversationRepository];

/** The monitor's own database (never a node's), brought to the newest schema at start, and the repositories over it. */
@Global()
@Module({
  providers: [
    {
      provide: MONITOR_DATABASE,
      inject: [MONITOR_CONFIG],
      useFactory: async (config: MonitorConfig): Promise<Kysely<MonitorDatabase>> => {
        const db = await createPostgresDatabase<MonitorDatabase>({
          url: config.databaseUrl,
          maxConnections: config.databaseMaxConnections,
          applicationName: `enlace-${config.network}-monitor`,
          onRetry: (error, attempt) => logger.warn(`waiting for the database (attempt ${attempt}): ${error.message}`),
        });
        await migrateMonitorDatabase(db);
        return db;
      },
    },
    ...OVER_THE_DATABASE.map((repository) => ({
      provide: repository,
      inject: [MONITOR_DATABASE],
      useFactory: (db: Kysely<MonitorDatabase>) => new repository(db),
    })),
    ...IN_TRANSACTIONS.map((repository) => ({ provide: repository, useFactory: () => new repository() })),
  ],
  exports: [MONITOR_DATABASE, ...OVER_THE_DATABASE, ...IN_TRANSACTIONS],
})
export class MonitorDatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(MONITOR_DATABASE) private readonly database: Kysely<MonitorDatabase>) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.destroy();
  }
}
