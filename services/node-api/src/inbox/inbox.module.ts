import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { DOCUMENT_CHUNK_APPLIER } from '../documents/documents.tokens';
import { ReferralsModule } from '../referrals/referrals.module';
import { REFERRAL_MESSAGE_APPLIER } from '../referrals/referrals.tokens';
import { ReintegrationsModule } from '../reintegrations/reintegrations.module';
import { REINTEGRATION_MESSAGE_APPLIER } from '../reintegrations/reintegrations.tokens';
import { ReturnsModule } from '../returns/returns.module';
import { RETURN_MESSAGE_APPLIER } from '../returns/returns.tokens';
import { InboxApplierService } from './inbox-applier.service';
import { InboxGauges } from './inbox-gauges';
import { InboxEntriesService } from './inbox-entries.service';
import { InboxHttpController } from './inbox.http.controller';
import { INBOX_MESSAGE_APPLIERS, InboxMessageApplier } from './inbox-message.applier';

/**
 * Applies what arrived from other nodes to this node's cases, each message by the protocol it belongs to; shows a
 * supervisor what is set aside or waiting, and applies a set-aside message again.
 */
@Module({
  imports: [AuditModule, ReferralsModule, ReturnsModule, ReintegrationsModule, DocumentsModule],
  controllers: [InboxHttpController],
  providers: [
    {
      provide: INBOX_MESSAGE_APPLIERS,
      inject: [REFERRAL_MESSAGE_APPLIER, RETURN_MESSAGE_APPLIER, REINTEGRATION_MESSAGE_APPLIER, DOCUMENT_CHUNK_APPLIER],
      useFactory: (...appliers: InboxMessageApplier[]) => appliers,
    },
    InboxApplierService,
    InboxGauges,
    InboxEntriesService,
  ],
})
export class InboxModule {}
