import { Module } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { ReturnEvent, ReturnState } from '@enlace/protocols';
import { ProtocolCaseActions } from '../cases/application/protocol-case.actions';
import { ProtocolCaseMessageApplier } from '../cases/application/protocol-case.message-applier';
import { ProtocolCaseWriter } from '../cases/application/protocol-case.writer';
import { ProtocolCaseRepository } from '../cases/persistence/protocol-case.repository';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { NODE_TRANSACTIONS } from '../database/database.tokens';
import { NodeTransactions } from '../database/node-transactions';
import { SEALED_CASE_CONTENT } from '../privacy/privacy.tokens';
import { SealedCaseContent } from '../privacy/sealed-case-content';
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

type Repository = ProtocolCaseRepository<ReturnState>;
type Writer = ProtocolCaseWriter<ReturnState, ReturnEvent>;

/** Returns of a person to a receiving country: the API, and the messages of the other end. */
@Module({
  controllers: [ReturnsHttpController],
  providers: [
    {
      provide: RETURN_CASE_REPOSITORY,
      inject: [NODE_TRANSACTIONS, SEALED_CASE_CONTENT],
      useFactory: (transactions: NodeTransactions, sealing: SealedCaseContent) =>
        new ProtocolCaseRepository<ReturnState>(transactions, 'return', sealing),
    },
    {
      provide: RETURN_CASE_WRITER,
      inject: [RETURN_CASE_REPOSITORY],
      useFactory: (repository: Repository) =>
        new ProtocolCaseWriter(RETURN_CASE_PROTOCOL, repository, new MessageValidator()),
    },
    {
      provide: RETURN_CASE_ACTIONS,
      inject: [RETURN_CASE_REPOSITORY, RETURN_CASE_WRITER],
      useFactory: (repository: Repository, writer: Writer) =>
        new ProtocolCaseActions(RETURN_CASE_PROTOCOL, repository, writer),
    },
    {
      provide: RETURN_MESSAGE_APPLIER,
      inject: [NODE_API_CONFIG, RETURN_CASE_REPOSITORY, RETURN_CASE_WRITER],
      useFactory: (config: NodeApiConfig, repository: Repository, writer: Writer) =>
        new ProtocolCaseMessageApplier(
          RETURN_CASE_PROTOCOL,
          repository,
          writer,
          returnInboundRules(config.country),
          config.country,
        ),
    },
    ReturnsService,
  ],
  exports: [RETURN_MESSAGE_APPLIER, RETURN_CASE_REPOSITORY],
})
export class ReturnsModule {}
