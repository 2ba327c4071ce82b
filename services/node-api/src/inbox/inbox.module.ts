import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module';
import { REFERRAL_MESSAGE_APPLIER } from '../referrals/referrals.tokens';
import { ReintegrationsModule } from '../reintegrations/reintegrations.module';
import { REINTEGRATION_MESSAGE_APPLIER } from '../reintegrations/reintegrations.tokens';
import { ReturnsModule } from '../returns/returns.module';
import { RETURN_MESSAGE_APPLIER } from '../returns/returns.tokens';
import { InboxApplierService } from './inbox-applier.service';
import { InboxGauges } from './inbox-gauges';
import { INBOX_MESSAGE_APPLIERS, InboxMessageApplier } from './inbox-message.applier';

/** Applies what arrived from other nodes to this node's cases, each message by the protocol it belongs to. */
@Module({
  imports: [ReferralsModule, ReturnsModule, ReintegrationsModule],
  providers: [
    {
      provide: INBOX_MESSAGE_APPLIERS,
      inject: [REFERRAL_MESSAGE_APPLIER, RETURN_MESSAGE_APPLIER, REINTEGRATION_MESSAGE_APPLIER],
      useFactory: (...appliers: InboxMessageApplier[]) => appliers,
    },
    InboxApplierService,
    InboxGauges,
  ],
})
export class InboxModule {}
