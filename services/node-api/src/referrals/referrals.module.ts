import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { AuditModule } from '../audit/audit.module';
import { protocolCaseProviders } from '../cases/protocol-case.providers';
import { ReferralExpiryService } from './application/referral-expiry.service';
import { ReferralsService } from './application/referrals.service';
import { REFERRAL_CASE_PROTOCOL } from './domain/referral-case.protocol';
import { referralInboundRules } from './domain/referral-inbound.rules';
import { ReferralsHttpController } from './referrals.http.controller';
import {
  REFERRAL_CASE_ACTIONS,
  REFERRAL_CASE_REPOSITORY,
  REFERRAL_CASE_WRITER,
  REFERRAL_MESSAGE_APPLIER,
} from './referrals.tokens';

/** Referrals of a person to services in another country: the API, the expiry of unanswered ones, their messages. */
@Module({
  imports: [AuditModule, AgenciesModule],
  controllers: [ReferralsHttpController],
  providers: [
    ...protocolCaseProviders(REFERRAL_CASE_PROTOCOL, referralInboundRules, {
      repository: REFERRAL_CASE_REPOSITORY,
      writer: REFERRAL_CASE_WRITER,
      actions: REFERRAL_CASE_ACTIONS,
      applier: REFERRAL_MESSAGE_APPLIER,
    }),
    ReferralsService,
    ReferralExpiryService,
  ],
  exports: [ReferralsService, REFERRAL_MESSAGE_APPLIER, REFERRAL_CASE_REPOSITORY],
})
export class ReferralsModule {}
