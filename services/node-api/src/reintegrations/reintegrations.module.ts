import { Module } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { ReintegrationEvent, ReintegrationState } from '@enlace/protocols';
import { ProtocolCaseActions } from '../cases/application/protocol-case.actions';
import { ProtocolCaseMessageApplier } from '../cases/application/protocol-case.message-applier';
import { ProtocolCaseWriter } from '../cases/application/protocol-case.writer';
import { ProtocolCaseRepository } from '../cases/persistence/protocol-case.repository';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { NODE_TRANSACTIONS } from '../database/database.tokens';
import { NodeTransactions } from '../database/node-transactions';
import { SEALED_CASE_CONTENT } from '../privacy/privacy.tokens';
import { SealedCaseContent } from '../privacy/sealed-case-content';
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

type Repository = ProtocolCaseRepository<ReintegrationState>;
type Writer = ProtocolCaseWriter<ReintegrationState, ReintegrationEvent>;

/** Reintegration of returned persons: the API, and the messages of the other end. */
@Module({
  imports: [ReturnsModule],
  controllers: [ReintegrationsHttpController],
  providers: [
    {
      provide: REINTEGRATION_CASE_REPOSITORY,
      inject: [NODE_TRANSACTIONS, SEALED_CASE_CONTENT],
      useFactory: (transactions: NodeTransactions, sealing: SealedCaseContent) =>
        new ProtocolCaseRepository<ReintegrationState>(transactions, 'reintegration', sealing),
    },
    {
      provide: REINTEGRATION_CASE_WRITER,
      inject: [REINTEGRATION_CASE_REPOSITORY],
      useFactory: (repository: Repository) =>
        new ProtocolCaseWriter(REINTEGRATION_CASE_PROTOCOL, repository, new MessageValidator()),
    },
    {
      provide: REINTEGRATION_CASE_ACTIONS,
      inject: [REINTEGRATION_CASE_REPOSITORY, REINTEGRATION_CASE_WRITER],
      useFactory: (repository: Repository, writer: Writer) =>
        new ProtocolCaseActions(REINTEGRATION_CASE_PROTOCOL, repository, writer),
    },
    {
      provide: REINTEGRATION_MESSAGE_APPLIER,
      inject: [NODE_API_CONFIG, REINTEGRATION_CASE_REPOSITORY, REINTEGRATION_CASE_WRITER],
      useFactory: (config: NodeApiConfig, repository: Repository, writer: Writer) =>
        new ProtocolCaseMessageApplier(
          REINTEGRATION_CASE_PROTOCOL,
          repository,
          writer,
          reintegrationInboundRules(config.country),
          config.country,
        ),
    },
    ReintegrationsService,
  ],
  exports: [REINTEGRATION_MESSAGE_APPLIER, REINTEGRATION_CASE_REPOSITORY],
})
export class ReintegrationsModule {}
