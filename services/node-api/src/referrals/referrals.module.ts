import { Module } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { Connection } from 'mongoose';
import { NODE_DATABASE } from '../database/database.tokens';
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
      inject: [NODE_DATABASE],
      useFactory: async (db: Connection) => {
        const repository = new ReferralCaseRepository(db);
        await repository.ensureIndexes();
        return repository;
      },
    },
    { provide: MessageValidator, useFactory: () => new MessageValidator() },
    ReferralCaseWriter,
    ReferralsService,
    ReferralMessageApplier,
    ReferralExpiryService,
  ],
  exports: [ReferralMessageApplier],
})
export class ReferralsModule {}
