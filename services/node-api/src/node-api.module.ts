import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ProblemDetailsFilter } from '@enlace/http';
import { ObservabilityModule } from '@enlace/observability';
import { toProblem } from './common/problem-details/problem-mapping';
import { MessageValidationModule } from './common/validation/message-validation.module';
import { NodeApiConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DocumentsModule } from './documents/documents.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ExportsModule } from './exports/exports.module';
import { InboxModule } from './inbox/inbox.module';
import { IntakesModule } from './intakes/intakes.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ReferralsModule } from './referrals/referrals.module';
import { ReintegrationsModule } from './reintegrations/reintegrations.module';
import { ReturnsModule } from './returns/returns.module';
import { StatisticsModule } from './statistics/statistics.module';

/** A country's node API: its focal points' cases, in its own database. */
@Module({
  imports: [
    ObservabilityModule,
    NodeApiConfigModule,
    MessageValidationModule,
    DatabaseModule,
    PrivacyModule,
    AuditModule,
    AuthModule,
    AgenciesModule,
    HealthModule,
    ReferralsModule,
    ReturnsModule,
    ReintegrationsModule,
    IntakesModule,
    DocumentsModule,
    InboxModule,
    DeadlinesModule,
    NotificationsModule,
    ExportsModule,
    StatisticsModule,
  ],
  providers: [{ provide: APP_FILTER, useValue: new ProblemDetailsFilter(toProblem) }],
})
export class NodeApiModule {}
