import type { Provider } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { CASE_AUDIT_TRAIL } from '../audit/audit.tokens';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { NODE_TRANSACTIONS } from '../database/database.tokens';
import { NodeTransactions } from '../database/node-transactions';
import type { CaseSearchTerms } from '../privacy/case-search-terms';
import { CASE_SEARCH_TERMS, SEALED_CASE_CONTENT } from '../privacy/privacy.tokens';
import { SealedCaseContent } from '../privacy/sealed-case-content';
import type { CaseAuditTrail } from './application/case-audit-trail';
import { ProtocolCaseActions } from './application/protocol-case.actions';
import { ProtocolCaseMessageApplier, ProtocolInboundRules } from './application/protocol-case.message-applier';
import { ProtocolCaseWriter } from './application/protocol-case.writer';
import type { CaseEventBase, CaseProtocol, CaseStateBase } from './domain/case-protocol';
import { ProtocolCaseRepository } from './persistence/protocol-case.repository';
import { AgencyScope } from '../agencies/agency-scope';

/** The injection tokens under which one protocol's case machinery is provided. */
export interface ProtocolCaseTokens {
  readonly repository: symbol;
  readonly writer: symbol;
  readonly actions: symbol;
  readonly applier: symbol;
}

/**
 * The shared case machinery wired for one protocol — its repository, writer, actions and inbox applier — so that
 * each protocol's module names only what is its own (the protocol, its inbound rules, its tokens).
 */
export function protocolCaseProviders<S extends CaseStateBase, E extends CaseEventBase, D = unknown>(
  protocol: CaseProtocol<S, E, D>,
  inboundRules: (country: string) => ProtocolInboundRules<S, E, D>,
  tokens: ProtocolCaseTokens,
): Provider[] {
  type Repository = ProtocolCaseRepository<S, D>;
  type Writer = ProtocolCaseWriter<S, E, D>;
  return [
    {
      provide: tokens.repository,
      inject: [NODE_TRANSACTIONS, SEALED_CASE_CONTENT, CASE_SEARCH_TERMS, AgencyScope],
      useFactory: (
        transactions: NodeTransactions,
        sealing: SealedCaseContent,
        search: CaseSearchTerms,
        scope: AgencyScope,
      ): Repository =>
        new ProtocolCaseRepository<S, D>(transactions, protocol.name, sealing, protocol.sealedDetails, search, scope),
    },
    {
      provide: tokens.writer,
      inject: [tokens.repository, MessageValidator, CASE_AUDIT_TRAIL, AgencyScope],
      useFactory: (
        repository: Repository,
        validator: MessageValidator,
        trail: CaseAuditTrail,
        scope: AgencyScope,
      ): Writer => new ProtocolCaseWriter(protocol, repository, validator, trail, scope),
    },
    {
      provide: tokens.actions,
      inject: [tokens.repository, tokens.writer],
      useFactory: (repository: Repository, writer: Writer) => new ProtocolCaseActions(protocol, repository, writer),
    },
    {
      provide: tokens.applier,
      inject: [NODE_API_CONFIG, tokens.repository, tokens.writer],
      useFactory: (config: NodeApiConfig, repository: Repository, writer: Writer) =>
        new ProtocolCaseMessageApplier(protocol, repository, writer, inboundRules(config.country), config.country),
    },
  ];
}
