import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuditLogStore } from '@enlace/audit';
import type { NodeDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { NODE_DATABASE } from '../database/database.tokens';
import { AuditMiddleware } from './audit.middleware';
import { AUDIT_LOG_STORE } from './audit.tokens';

/** The node's hash-chained audit log of who read or changed what (verify it with `npm run audit:verify`). */
@Module({
  providers: [
    {
      provide: AUDIT_LOG_STORE,
      inject: [NODE_DATABASE],
      useFactory: (db: Kysely<NodeDatabase>) => new AuditLogStore(db),
    },
  ],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes('*path');
  }
}
