import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { AuditModule } from '../audit/audit.module';
import { protocolCaseProviders } from '../cases/protocol-case.providers';
import { ReintegrationsService } from './application/reintegrations.service';
import { REINTEGRATION_CASE_PROTOCOL } from './domain/reintegration-case.protocol';
import { reintegrationInboundRules } from './domain/reintegration-inbound.rules';
import { ReturnsModule } from '../returns/returns.module';
import { ReintegrationsHttpController } from './reintegrations.http.controller';
import {
  REINTEGRATION_CASE_ACTIONS,
  REINTEGRATION_CASE_REPOSITORY,
  REINTEGRATION_CASE_WRITER,
  REINTEGRATION_MESSAGE_APPLIER,
} from './reintegrations.tokens';

/** Reintegration of returned persons: the API, and the messages of the other end. */
@Module({
  imports: [AuditModule, AgenciesModule, ReturnsModule],
  controllers: [ReintegrationsHttpController],
  providers: [
    ...protocolCaseProviders(REINTEGRATION_CASE_PROTOCOL, reintegrationInboundRules, {
      repository: REINTEGRATION_CASE_REPOSITORY,
      writer: REINTEGRATION_CASE_WRITER,
      actions: REINTEGRATION_CASE_ACTIONS,
      applier: REINTEGRATION_MESSAGE_APPLIER,
    }),
    ReintegrationsService,
  ],
  exports: [REINTEGRATION_MESSAGE_APPLIER, REINTEGRATION_CASE_REPOSITORY],
})
export class ReintegrationsModule {}
