export * from './monitor.module';
export * from './monitor.http';
export * from './config/monitor.config';
export { StatisticsRepository, STATISTICS_COLLECTIONS } from './statistics/persistence/statistics.repository';
export { StatisticsQueryService } from './statistics/application/statistics-query.service';
export { statisticsWindow } from './statistics/application/statistics-window';
export { IncrementBatch } from './statistics/domain/increment-batch';
export { envelopeCounted, delayMeasured } from './statistics/domain/statistics-increment';
export type { EnvelopeFacts } from './statistics/domain/envelope-facts';
