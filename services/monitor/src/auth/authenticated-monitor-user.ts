import { Role } from '@enlace/auth';

/** Who is calling the monitor, as the bearer token says. Secretariat users belong to no country. */
export interface AuthenticatedMonitorUser {
  readonly username: string;
  readonly roles: readonly Role[];
  /** When the token stops being valid (epoch ms): a long-lived answer, such as the live stream, ends then. */
  readonly expiresAt?: number;
}
