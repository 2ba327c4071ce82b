export * from './courier.module';
export * from './config/courier.config';
export * from './config/courier.settings';
export { StatisticsReportRelayService } from './outbound/statistics-report-relay.service';
export { AuditCheckpointPublisher } from './audit-checkpoint/audit-checkpoint.publisher';
