import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { RequestAuditContext } from './request-audit.context';

/**
 * Makes the request that a handler serves known to the case writers it calls, with the status it answers when it
 * succeeds (the route's own, else 201 for a creation and 200 for the rest), so that a change it makes carries its
 * audit record into the change's transaction.
 */
@Injectable()
export class RequestAuditInterceptor implements NestInterceptor {
  constructor(private readonly context: RequestAuditContext) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'http') return next.handle();
    const request = execution.switchToHttp().getRequest<Request>();
    const declared = Reflect.getMetadata(HTTP_CODE_METADATA, execution.getHandler()) as number | undefined;
    const success = declared ?? (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    const at = new Date().toISOString();
    // The handler runs when the answer is subscribed to: it runs inside the request's context.
    return new Observable((subscriber) =>
      this.context.run({ request, success, at }, () => next.handle().subscribe(subscriber)),
    );
  }
}
