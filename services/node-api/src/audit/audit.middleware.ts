import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { AuditLogStore } from '@enlace/audit';
import type { NextFunction, Request, Response } from 'express';
import { AUDITED_WITH_CHANGE, AuditedRequest, auditEntryOf } from './audit-entry';
import { AUDIT_LOG_STORE } from './audit.tokens';

function isOperationsPath(path: string): boolean {
  return path === '/metrics' || path === '/health/live' || path === '/health/ready';
}

/**
 * Records, once the answer is sent, who did what on which case and how it ended — reads and refusals included.
 * A step that changed a case has its record already, written in the change's transaction (CaseAuditTrail).
 * It keeps the route (not the URL) and the ids of the resources, never a body: no personal data enters the log.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  private readonly logger = new Logger('audit');

  constructor(@Inject(AUDIT_LOG_STORE) private readonly store: AuditLogStore) {}

  use(request: Request, response: Response, next: NextFunction): void {
    // An orchestrator's probes and Prometheus's scrapes, every few seconds, are nobody's access to anything.
    if (isOperationsPath(request.path)) return next();
    const at = new Date().toISOString();
    response.once('finish', () => {
      if ((request as AuditedRequest)[AUDITED_WITH_CHANGE]) return;
      this.store
        .append(auditEntryOf(request, response.statusCode, at))
        .catch((error: Error) => this.logger.error(`an audit record could not be written: ${error.message}`));
    });
    next();
  }
}
