import { Module } from '@nestjs/common';
import { MessageValidator } from '@enlace/contracts';
import { Connection } from 'mongoose';
import { KeyedWriteLock } from '@enlace/store';
import { CASE_WRITE_LOCK, NODE_DATABASE } from '../database/database.tokens';
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
      inject: [NODE_DATABASE, CASE_WRITE_LOCK, SEALED_CASE_CONTENT],
      useFactory: async (db: Connection, lock: KeyedWriteLock, sealing: SealedCaseContent) => {
        const repository = new ReferralCaseRepository(db, lock, sealing);
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
  exports: [ReferralMessageApplier, REFERRAL_CASE_REPOSITORY],
})
export class ReferralsModule {}
