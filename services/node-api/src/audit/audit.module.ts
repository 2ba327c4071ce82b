import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditKey, AuditLogStore, loadAuditKey } from '@enlace/audit';
import type { NodeDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { NODE_DATABASE, NODE_TRANSACTIONS } from '../database/database.tokens';
import { NodeTransactions } from '../database/node-transactions';
import { AuditBeforeServingInterceptor } from './audit-before-serving.interceptor';
import { AuditMiddleware } from './audit.middleware';
import { AuditRecordsService } from './application/audit-records.service';
import { AuditRecordsHttpController } from './audit-records.http.controller';
import { AUDIT_KEY, AUDIT_LOG_STORE, AUDIT_RECORDS_SERVICE, CASE_AUDIT_TRAIL } from './audit.tokens';
import { AuditRecordRepository } from './persistence/audit-record.repository';
import { RequestAuditContext } from './request-audit.context';
import { RequestAuditInterceptor } from './request-audit.interceptor';
import { TransactionalAuditTrail } from './transactional-audit.trail';

/**
 * The node's audit log of who read or changed what, each record sealed with the node's audit key
 * (ENLACE_AUDIT_KEY_FILE, outside the database; verify it with `enlace audit verify`): a step that
 * changes a case is recorded in the change's transaction (CASE_AUDIT_TRAIL, for the case writers), a read of
 * personal data before it is served (@AuditedBeforeServing, fail closed), every other request once it is answered.
 * Its auditors read it a page at a time (GET /audit/records).
 */
@Module({
  controllers: [AuditRecordsHttpController],
  providers: [
    {
      provide: AUDIT_RECORDS_SERVICE,
      inject: [NODE_DATABASE],
      useFactory: (db: Kysely<NodeDatabase>) => new AuditRecordsService(new AuditRecordRepository(db)),
    },
    {
      provide: AUDIT_KEY,
      inject: [NODE_API_CONFIG],
      useFactory: (config: NodeApiConfig) => loadAuditKey(config.auditKeyFile),
    },
    {
      provide: AUDIT_LOG_STORE,
      inject: [NODE_DATABASE, AUDIT_KEY],
      useFactory: async (db: Kysely<NodeDatabase>, key: AuditKey) => {
        const store = new AuditLogStore(db, { key });
        // Another node's key, or a new one over a sealed log, refuses the start, naming the key ids.
        await store.assertKeyMatches();
        return store;
      },
    },
    RequestAuditContext,
    { provide: APP_INTERCEPTOR, useClass: RequestAuditInterceptor },
    { provide: APP_INTERCEPTOR, useClass: AuditBeforeServingInterceptor },
    {
      provide: CASE_AUDIT_TRAIL,
      inject: [NODE_TRANSACTIONS, AUDIT_LOG_STORE, RequestAuditContext],
      useFactory: (transactions: NodeTransactions, store: AuditLogStore, context: RequestAuditContext) =>
        new TransactionalAuditTrail(transactions, store, context),
    },
  ],
  exports: [CASE_AUDIT_TRAIL, AUDIT_LOG_STORE, RequestAuditContext],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes('*path');
  }
}
