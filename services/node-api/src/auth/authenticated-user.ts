import { Role } from '@enlace/auth';

/** Who is calling, as the bearer token says. */
export interface AuthenticatedUser {
  readonly username: string;
  readonly country: string;
  readonly roles: readonly Role[];
  /**
   * The agency of the node the user works for, as the token names it; absent: the node's gateway agency. The access
   * guard checks it is one of the node's and sets it, so that a handler always finds it.
   */
  readonly agency?: string;
}
