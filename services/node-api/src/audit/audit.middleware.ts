import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { AuditLogStore } from '@enlace/audit';
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AUDIT_LOG_STORE } from './audit.tokens';

/** Route parameters that name a case, and under which name the audit record keeps them. */
const RESOURCE_PARAMETERS: Readonly<Record<string, string>> = { id: 'referral' };

/**
 * Records, once the answer is sent, who did what on which case and how it ended — reads and refusals included.
 * It keeps the route (not the URL) and the ids of the resources, never a body: no personal data enters the log.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  private readonly logger = new Logger('audit');

  constructor(@Inject(AUDIT_LOG_STORE) private readonly store: AuditLogStore) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const at = new Date().toISOString();
    response.once('finish', () => {
      const user = (request as Request & { user?: AuthenticatedUser }).user;
      const route = (request.route as { path?: string } | undefined)?.path;
      const resource: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.params ?? {})) {
        const kind = RESOURCE_PARAMETERS[name];
        if (kind && typeof value === 'string') resource[kind] = value;
      }
      this.store
        .append({
          at,
          actor: user ? { username: user.username, country: user.country, roles: [...user.roles] } : null,
          action: `${request.method} ${route ? `${request.baseUrl}${route}` : 'unmatched route'}`,
          resource,
          outcome: response.statusCode,
        })
        .catch((error: Error) => this.logger.error(`an audit record could not be written: ${error.message}`));
    });
    next();
  }
}
