import { Role } from '@enlace/auth';

/** Who is calling, as the bearer token says. */
export interface AuthenticatedUser {
  readonly username: string;
  readonly country: string;
  readonly roles: readonly Role[];
}
