import { Module } from '@nestjs/common';
import { StatisticsQueryService } from './application/statistics-query.service';
import { StatisticsHttpController } from './statistics.http.controller';

/** Flows and delays per corridor, message type and time. */
@Module({ controllers: [StatisticsHttpController], providers: [StatisticsQueryService] })
export class StatisticsModule {}
