import { createHash } from 'node:crypto';
import type { ThrottlerOptions } from '@nestjs/throttler';

/** How many sign-in attempts each budget allows in one window. */
export interface LoginBudgets {
  /** attempts on one username, from any address: guessing one user's password from many places */
  readonly perUser: number;
  /** attempts from one client address, on any usernames: one password tried across many users */
  readonly perAddress: number;
  /** attempts on this service in all: a guess spread over many users and many addresses */
  readonly everyone: number;
  readonly windowSeconds: number;
}

interface LoginRequest {
  ip?: string;
  body?: { username?: unknown };
}

/** A digest, so that the counters' memory holds no usernames and no addresses. */
function digest(kind: string, value: string): string {
  return createHash('sha256').update(`${kind}\u0000${value}`).digest('base64url');
}

function usernameOf(request: LoginRequest): string {
  return typeof request.body?.username === 'string' ? request.body.username.slice(0, 256).toLowerCase() : '';
}

/**
 * The three budgets of sign-in as @nestjs/throttler's named throttlers, each counting by its own key. Whichever is
 * spent first answers 429: per user alone would let one address try a password on every account, per address alone
 * would let a botnet try every password on one account.
 */
export function loginThrottlers(budgets: LoginBudgets): ThrottlerOptions[] {
  const ttl = budgets.windowSeconds * 1000;
  return [
    {
      name: 'login-user',
      ttl,
      setHeaders: false,
      limit: budgets.perUser,
      getTracker: (request: LoginRequest) => digest('user', usernameOf(request)),
    },
    {
      name: 'login-address',
      ttl,
      setHeaders: false,
      limit: budgets.perAddress,
      getTracker: (request: LoginRequest) => digest('address', request.ip ?? ''),
    },
    { name: 'login-everyone', ttl, setHeaders: false, limit: budgets.everyone, getTracker: () => 'everyone' },
  ];
}
