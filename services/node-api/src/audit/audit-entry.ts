import type { AuditEntry } from '@enlace/audit';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** Route parameters that name a case, and under which name the audit record keeps them. */
const RESOURCE_PARAMETERS: Readonly<Record<string, string>> = { id: 'referral' };

/** The record of a request: the route (not the URL) and the ids of the resources, never a body. */
export function auditEntryOf(request: Request, outcome: number, at: string): AuditEntry {
  const user = (request as Request & { user?: AuthenticatedUser }).user;
  const route = (request.route as { path?: string } | undefined)?.path;
  const resource: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.params ?? {})) {
    const kind = RESOURCE_PARAMETERS[name];
    if (kind && typeof value === 'string') resource[kind] = value;
  }
  return {
    at,
    actor: user ? { username: user.username, country: user.country, roles: [...user.roles] } : null,
    action: `${request.method} ${route ? `${request.baseUrl}${route}` : 'unmatched route'}`,
    resource,
    outcome,
  };
}

/** Set on a request whose audit record was written with the case change it made: the middleware adds none. */
export const AUDITED_WITH_CHANGE = Symbol('auditedWithChange');

export type AuditedRequest = Request & { [AUDITED_WITH_CHANGE]?: boolean };
