import type { AuditEntry } from '@enlace/audit';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** The kind of resource a route's `:id` names, by the route's first segment: every resource has its own type. */
const CASE_KIND_OF_COLLECTION: Readonly<Record<string, string>> = {
  referrals: 'referral',
  returns: 'return',
  reintegrations: 'reintegration',
  intakes: 'intake',
  inbox: 'inbox-entry',
  cases: 'case',
};

/** The kind of resource a route parameter names (`/api/v1/returns/:id` -> return); undefined for none. */
function resourceKind(path: string, parameter: string): string | undefined {
  // The agency a case is shared with or taken back from (`/cases/:id/shares/:agency`).
  if (parameter === 'agency') return 'agency';
  if (parameter !== 'id') return undefined;
  const collection = path.split('/').find((segment) => Object.hasOwn(CASE_KIND_OF_COLLECTION, segment));
  return collection === undefined ? undefined : CASE_KIND_OF_COLLECTION[collection];
}

/** The record of a request: the route (not the URL) and the ids of the resources, never a body. */
export function auditEntryOf(request: Request, outcome: number, at: string): AuditEntry {
  const user = (request as Request & { user?: AuthenticatedUser }).user;
  const route = (request.route as { path?: string } | undefined)?.path;
  const resource: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.params ?? {})) {
    const kind = route === undefined ? undefined : resourceKind(`${request.baseUrl}${route}`, name);
    if (kind && typeof value === 'string') resource[kind] = value;
  }
  return {
    at,
    actor: user
      ? {
          username: user.username,
          country: user.country,
          roles: [...user.roles],
          ...(user.agency ? { agency: user.agency } : {}),
        }
      : null,
    action: `${request.method} ${route ? `${request.baseUrl}${route}` : 'unmatched route'}`,
    resource,
    outcome,
  };
}

/**
 * Set on a request whose audit record was written before its answer (with the case change it made, or before
 * personal data were served): the middleware adds none.
 */
export const AUDITED_WITH_CHANGE = Symbol('auditedWithChange');

export type AuditedRequest = Request & { [AUDITED_WITH_CHANGE]?: boolean };
