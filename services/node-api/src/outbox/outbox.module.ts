import { Module } from '@nestjs/common';
import { OutboxSentFolderService } from './outbox-sent-folder.service';

/** The node API's side of the outboxes: it learns from the courier's notes what was sent. */
@Module({ providers: [OutboxSentFolderService] })
export class OutboxModule {}
