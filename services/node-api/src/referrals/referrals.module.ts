import { Module } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { NODE_TRANSACTIONS } from '../database/database.tokens';
import { NodeTransactions } from '../database/node-transactions';
import { SEALED_CASE_CONTENT } from '../privacy/privacy.tokens';
import { SealedCaseContent } from '../privacy/sealed-case-content';
import { ReferralCaseWriter } from './application/referral-case.writer';
import { ReferralExpiryService } from './application/referral-expiry.service';
import { ReferralMessageApplier } from './application/referral-message.applier';
import { ReferralsService } from './application/referrals.service';
import { ReferralCaseRepository } from './persistence/referral-case.repository';
import { ReferralsHttpController } from './referrals.http.controller';
import { REFERRAL_CASE_REPOSITORY } from './referrals.tokens';

@Module({
  controllers: [ReferralsHttpController],
  providers: [
    {
      provide: REFERRAL_CASE_REPOSITORY,
      inject: [NODE_TRANSACTIONS, SEALED_CASE_CONTENT],
      useFactory: (transactions: NodeTransactions, sealing: SealedCaseContent) =>
        new ReferralCaseRepository(transactions, sealing),
    },
    { provide: MessageValidator, useFactory: () => new MessageValidator() },
    ReferralCaseWriter,
    ReferralsService,
    ReferralMessageApplier,
    ReferralExpiryService,
  ],
  exports: [ReferralMessageApplier, REFERRAL_CASE_REPOSITORY],
})
export class ReferralsModule {}
