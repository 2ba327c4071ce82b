export * from './courier.module';
export * from './config/courier.config';
export { StatisticsReportRelayService } from './outbound/statistics-report-relay.service';
