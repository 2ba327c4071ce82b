import { holdsRight } from '@enlace/auth';
import type { AuthenticatedUser } from '../../auth/authenticated-user';

/**
 * Whether a list shows this caller the persons' initials: only to those who work on cases (right `case.write`),
 * who need to tell their cases apart and may open the person anyway. An auditor (read only) gets the lists without
 * them, and reads a person only through the audited person view.
 */
export function mayShowInitials(user: AuthenticatedUser | undefined): boolean {
  return user !== undefined && holdsRight(user.roles, 'case.write');
}
