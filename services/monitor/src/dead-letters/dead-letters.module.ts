import { Module } from '@nestjs/common';
import { RedriveService } from './application/redrive.service';
import { DeadLettersHttpController } from './dead-letters.http.controller';

/** Dead letters with their reasons, and redrive. */
@Module({ controllers: [DeadLettersHttpController], providers: [RedriveService] })
export class DeadLettersModule {}
