import { Role } from '@enlace/auth';

/** A user of the built-in development issuer, as kept in the node's users file (password hashed with scrypt). */
export interface UserAccount {
  readonly username: string;
  readonly country: string;
  readonly roles: readonly Role[];
  readonly passwordHash: string;
}
