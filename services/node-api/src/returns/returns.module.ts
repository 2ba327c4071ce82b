import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { AuditModule } from '../audit/audit.module';
import { protocolCaseProviders } from '../cases/protocol-case.providers';
import { ReturnsService } from './application/returns.service';
import { RETURN_CASE_PROTOCOL } from './domain/return-case.protocol';
import { returnInboundRules } from './domain/return-inbound.rules';
import { ReturnsHttpController } from './returns.http.controller';
import {
  RETURN_CASE_ACTIONS,
  RETURN_CASE_REPOSITORY,
  RETURN_CASE_WRITER,
  RETURN_MESSAGE_APPLIER,
} from './returns.tokens';

/** Returns of a person to a receiving country: the API, and the messages of the other end. */
@Module({
  imports: [AuditModule, AgenciesModule],
  controllers: [ReturnsHttpController],
  providers: [
    ...protocolCaseProviders(RETURN_CASE_PROTOCOL, returnInboundRules, {
      repository: RETURN_CASE_REPOSITORY,
      writer: RETURN_CASE_WRITER,
      actions: RETURN_CASE_ACTIONS,
      applier: RETURN_MESSAGE_APPLIER,
    }),
    ReturnsService,
  ],
  exports: [ReturnsService, RETURN_MESSAGE_APPLIER, RETURN_CASE_REPOSITORY],
})
export class ReturnsModule {}
