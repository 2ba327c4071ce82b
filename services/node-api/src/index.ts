export * from './node-api.module';
export * from './node-api.http';
export * from './config/node-api.config';
export * from './config/node-api.settings';
export { StatisticsReportService } from './statistics/application/statistics-report.service';
export { ProtocolCaseRepository } from './cases/persistence/protocol-case.repository';
export { NodeTransactions } from './database/node-transactions';
export { SealedCaseContent } from './privacy/sealed-case-content';
