import { Module } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { ReferralEvent, ReferralState } from '@enlace/protocols';
import { AuditModule } from '../audit/audit.module';
import { CASE_AUDIT_TRAIL } from '../audit/audit.tokens';
import type { CaseAuditTrail } from '../cases/application/case-audit-trail';
import { ProtocolCaseActions } from '../cases/application/protocol-case.actions';
import { ProtocolCaseMessageApplier } from '../cases/application/protocol-case.message-applier';
import { ProtocolCaseWriter } from '../cases/application/protocol-case.writer';
import { ProtocolCaseRepository } from '../cases/persistence/protocol-case.repository';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { NODE_TRANSACTIONS } from '../database/database.tokens';
import { NodeTransactions } from '../database/node-transactions';
import { SEALED_CASE_CONTENT } from '../privacy/privacy.tokens';
import { SealedCaseContent } from '../privacy/sealed-case-content';
import { ReferralExpiryService } from './application/referral-expiry.service';
import { ReferralsService } from './application/referrals.service';
import { REFERRAL_CASE_PROTOCOL } from './domain/referral-case.protocol';
import type { ReferralDetails } from './domain/referral-details';
import { referralInboundRules } from './domain/referral-inbound.rules';
import { ReferralsHttpController } from './referrals.http.controller';
import {
  REFERRAL_CASE_ACTIONS,
  REFERRAL_CASE_REPOSITORY,
  REFERRAL_CASE_WRITER,
  REFERRAL_MESSAGE_APPLIER,
} from './referrals.tokens';

type Repository = ProtocolCaseRepository<ReferralState, ReferralDetails>;
type Writer = ProtocolCaseWriter<ReferralState, ReferralEvent, ReferralDetails>;

/** Referrals of a person to services in another country: the API, the expiry of unanswered ones, their messages. */
@Module({
  imports: [AuditModule],
  controllers: [ReferralsHttpController],
  providers: [
    {
      provide: REFERRAL_CASE_REPOSITORY,
      inject: [NODE_TRANSACTIONS, SEALED_CASE_CONTENT],
      useFactory: (transactions: NodeTransactions, sealing: SealedCaseContent): Repository =>
        new ProtocolCaseRepository(transactions, 'referral', sealing, REFERRAL_CASE_PROTOCOL.sealedDetails),
    },
    {
      provide: REFERRAL_CASE_WRITER,
      inject: [REFERRAL_CASE_REPOSITORY, CASE_AUDIT_TRAIL],
      useFactory: (repository: Repository, trail: CaseAuditTrail) =>
        new ProtocolCaseWriter(REFERRAL_CASE_PROTOCOL, repository, new MessageValidator(), trail),
    },
    {
      provide: REFERRAL_CASE_ACTIONS,
      inject: [REFERRAL_CASE_REPOSITORY, REFERRAL_CASE_WRITER],
      useFactory: (repository: Repository, writer: Writer) =>
        new ProtocolCaseActions(REFERRAL_CASE_PROTOCOL, repository, writer),
    },
    {
      provide: REFERRAL_MESSAGE_APPLIER,
      inject: [NODE_API_CONFIG, REFERRAL_CASE_REPOSITORY, REFERRAL_CASE_WRITER],
      useFactory: (config: NodeApiConfig, repository: Repository, writer: Writer) =>
        new ProtocolCaseMessageApplier(
          REFERRAL_CASE_PROTOCOL,
          repository,
          writer,
          referralInboundRules(config.country),
          config.country,
        ),
    },
    ReferralsService,
    ReferralExpiryService,
  ],
  exports: [REFERRAL_MESSAGE_APPLIER, REFERRAL_CASE_REPOSITORY],
})
export class ReferralsModule {}
