import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditLogStore } from '@enlace/audit';
import type { NodeDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { NODE_DATABASE, NODE_TRANSACTIONS } from '../database/database.tokens';
import { NodeTransactions } from '../database/node-transactions';
import { AuditBeforeServingInterceptor } from './audit-before-serving.interceptor';
import { AuditMiddleware } from './audit.middleware';
import { AUDIT_LOG_STORE, CASE_AUDIT_TRAIL } from './audit.tokens';
import { RequestAuditContext } from './request-audit.context';
import { RequestAuditInterceptor } from './request-audit.interceptor';
import { TransactionalAuditTrail } from './transactional-audit.trail';

/**
 * The node's hash-chained audit log of who read or changed what (verify it with `npm run audit:verify`): a step that
 * changes a case is recorded in the change's transaction (CASE_AUDIT_TRAIL, for the case writers), a read of
 * personal data before it is served (@AuditedBeforeServing, fail closed), every other request once it is answered.
 */
@Module({
  providers: [
    {
      provide: AUDIT_LOG_STORE,
      inject: [NODE_DATABASE],
      useFactory: (db: Kysely<NodeDatabase>) => new AuditLogStore(db),
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
