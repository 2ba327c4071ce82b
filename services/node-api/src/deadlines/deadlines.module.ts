import { Module } from '@nestjs/common';
import { DeadlineNoticeStore, NodeDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { NODE_DATABASE } from '../database/database.tokens';
import { ReferralsModule } from '../referrals/referrals.module';
import { ReintegrationsModule } from '../reintegrations/reintegrations.module';
import { ReturnsModule } from '../returns/returns.module';
import { OverdueAnnouncerService } from './application/overdue-announcer.service';
import { DEADLINE_NOTICE_STORE } from './deadlines.tokens';

/** Overdue steps of every protocol, announced to the network for the secretariat. */
@Module({
  imports: [ReferralsModule, ReturnsModule, ReintegrationsModule],
  providers: [
    {
      provide: DEADLINE_NOTICE_STORE,
      inject: [NODE_DATABASE],
      useFactory: (db: Kysely<NodeDatabase>) => new DeadlineNoticeStore(db),
    },
    OverdueAnnouncerService,
  ],
})
export class DeadlinesModule {}
