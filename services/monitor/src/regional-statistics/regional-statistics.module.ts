import { Module } from '@nestjs/common';
import { RegionalStatisticsHttpController } from './regional-statistics.http.controller';

/** Regional statistics: each node's signed, suppressed counts of its cases per month, combined into one table. */
@Module({ controllers: [RegionalStatisticsHttpController] })
export class RegionalStatisticsModule {}
