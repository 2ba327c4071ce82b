import type { EnvReader } from '@enlace/config';
import type { LoginBudgets } from './login-throttlers';

/** The sign-in budgets, the same settings for node-api and the monitor. */
export function readLoginBudgets(read: EnvReader): LoginBudgets {
  return {
    perUser: read.integer('ENLACE_LOGIN_MAX_ATTEMPTS', 10, 1),
    perAddress: read.integer('ENLACE_LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 30, 1),
    everyone: read.integer('ENLACE_LOGIN_MAX_ATTEMPTS_ALL', 300, 1),
    windowSeconds: read.integer('ENLACE_LOGIN_WINDOW_SECONDS', 60, 1),
  };
}
