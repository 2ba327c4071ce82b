import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditLogStore } from '@enlace/audit';
import { Observable, mergeMap } from 'rxjs';
import type { AuditedRequest } from './audit-entry';
import { AUDIT_LOG_STORE } from './audit.tokens';
import { AUDITED_BEFORE_SERVING } from './audited-before-serving.decorator';
import { recordBeforeServing } from './record-before-serving';

/**
 * For routes marked @AuditedBeforeServing: once the handler has the answer, the record of the read is appended and
 * committed, and only then is the answer sent; a record that cannot be written turns the answer into a 503. A handler
 * that fails is recorded by the middleware, once its refusal is answered.
 */
@Injectable()
export class AuditBeforeServingInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUDIT_LOG_STORE) private readonly store: AuditLogStore,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (
      execution.getType() !== 'http' ||
      !this.reflector.get<boolean>(AUDITED_BEFORE_SERVING, execution.getHandler())
    ) {
      return next.handle();
    }
    const request = execution.switchToHttp().getRequest<AuditedRequest>();
    const at = new Date().toISOString();
    return next.handle().pipe(
      mergeMap(async (answer: unknown) => {
        await recordBeforeServing(this.store, request, at);
        return answer;
      }),
    );
  }
}
