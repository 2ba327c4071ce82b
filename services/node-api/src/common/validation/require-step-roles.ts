import type { Role } from '@enlace/auth';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ProblemException } from '@enlace/http';

/** For endpoints whose roles depend on a path parameter (a step): 403 unless the user holds one of `roles`. */
export function requireStepRoles(user: AuthenticatedUser, roles: readonly Role[]): void {
  if (roles.some((role) => user.roles.includes(role))) return;
  throw new ProblemException({
    status: 403,
    title: 'Forbidden',
    detail: `This operation needs one of the roles: ${roles.join(', ')}.`,
  });
}
