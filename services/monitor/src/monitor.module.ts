import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { ProblemDetailsFilter } from '@enlace/http';
import { ObservabilityModule } from '@enlace/observability';
import { MonitorConfigModule } from './config/monitor-config.module';
import { MonitorDatabaseModule } from './database/monitor-database.module';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { IngestModule } from './ingest/ingest.module';
import { MonitorMessagingModule } from './messaging/monitor-messaging.module';
import { NodesModule } from './nodes/nodes.module';
import { OverdueModule } from './overdue/overdue.module';
import { RegionalStatisticsModule } from './regional-statistics/regional-statistics.module';
import { AuditCheckpointsModule } from './audit-checkpoints/audit-checkpoints.module';
import { StatisticsModule } from './statistics/statistics.module';

/** The network secretariat's monitor: envelope headers in, statistics out, never a payload. */
@Module({
  imports: [
    ObservabilityModule,
    MonitorConfigModule,
    MonitorDatabaseModule,
    MonitorMessagingModule,
    EventsModule,
    AuthModule,
    HealthModule,
    IngestModule,
    StatisticsModule,
    OverdueModule,
    DeadLettersModule,
    NodesModule,
    RegionalStatisticsModule,
    AuditCheckpointsModule,
  ],
  providers: [{ provide: APP_FILTER, useValue: new ProblemDetailsFilter() }],
})
export class MonitorModule {}
