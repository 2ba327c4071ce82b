import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { AuditLogStore } from '@enlace/audit';
import { createMongoConnection } from '@enlace/store';
import { Connection } from 'mongoose';
import { MONITOR_CONFIG, MonitorConfig } from '../config/monitor.config';
import { DeadLetterRepository } from '../dead-letters/persistence/dead-letter.repository';
import { MONITOR_DATABASE } from '../monitor.tokens';
import { NodeHealthRepository } from '../nodes/persistence/node-health.repository';
import { OverdueRepository } from '../overdue/persistence/overdue.repository';
import { ConversationRepository } from '../statistics/persistence/conversation.repository';
import { EnvelopeTraceRepository } from '../statistics/persistence/envelope-trace.repository';
import { StatisticsRepository } from '../statistics/persistence/statistics.repository';

const logger = new Logger('database');
const REPOSITORIES = [
  StatisticsRepository,
  EnvelopeTraceRepository,
  ConversationRepository,
  OverdueRepository,
  DeadLetterRepository,
  NodeHealthRepository,
  AuditLogStore,
];

/** The monitor's own database (never a node's) and the repositories over it. */
@Global()
@Module({
  providers: [
    {
      provide: MONITOR_DATABASE,
      inject: [MONITOR_CONFIG],
      useFactory: (config: MonitorConfig) =>
        createMongoConnection({
          uri: config.mongodbUri,
          dbName: config.dbName,
          onRetry: (error, attempt) => logger.warn(`waiting for the database (attempt ${attempt}): ${error.message}`),
        }),
    },
    ...REPOSITORIES.map((repository) => ({
      provide: repository,
      inject: [MONITOR_DATABASE],
      useFactory: (db: Connection) => new repository(db),
    })),
  ],
  exports: [MONITOR_DATABASE, ...REPOSITORIES],
})
export class MonitorDatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(MONITOR_DATABASE) private readonly database: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
