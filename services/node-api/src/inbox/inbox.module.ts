import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module';
import { InboxApplierService } from './inbox-applier.service';

/** Applies what arrived from other nodes to this node's cases. */
@Module({
  imports: [ReferralsModule],
  providers: [InboxApplierService],
})
export class InboxModule {}
