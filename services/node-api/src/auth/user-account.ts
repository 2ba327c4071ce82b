import { Role } from '@enlace/auth';

/** A user of the built-in development issuer, as kept in the node's users file (password hashed with scrypt). */
export interface UserAccount {
  readonly username: string;
  readonly country: string;
  readonly roles: readonly Role[];
  /** The agency of the node the user works for; absent: the node's gateway agency. */
  readonly agency?: string;
  readonly passwordHash: string;
}
