import { Module } from '@nestjs/common';
import { OverdueHttpController } from './overdue.http.controller';

/** Answers the nodes announced as overdue. */
@Module({ controllers: [OverdueHttpController] })
export class OverdueModule {}
