import { Module } from '@nestjs/common';
import { MinuteCountersPruner } from './application/minute-counters.pruner';
import { StatisticsQueryService } from './application/statistics-query.service';
import { StatisticsHttpController } from './statistics.http.controller';

/** Flows and delays per corridor, message type and time; the minute counters kept to their last two days. */
@Module({ controllers: [StatisticsHttpController], providers: [StatisticsQueryService, MinuteCountersPruner] })
export class StatisticsModule {}
