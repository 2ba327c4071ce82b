import type { SettingValues } from './config-schema';
import { integer } from './env-setting';

/** The sign-in budgets, the same settings for node-api and the monitor. */
export const loginSettings = {
  ENLACE_LOGIN_MAX_ATTEMPTS: integer({
    description: 'Sign-in attempts allowed per user name in each window.',
    fallback: 10,
    min: 1,
  }),
  ENLACE_LOGIN_MAX_ATTEMPTS_PER_ADDRESS: integer({
    description: 'Sign-in attempts allowed per client address in each window (see ENLACE_TRUSTED_PROXIES).',
    fallback: 30,
    min: 1,
  }),
  ENLACE_LOGIN_MAX_ATTEMPTS_ALL: integer({
    description: 'Sign-in attempts allowed in all, from everyone, in each window.',
    fallback: 300,
    min: 1,
  }),
  ENLACE_LOGIN_WINDOW_SECONDS: integer({
    description: "The sign-in budgets' window, in seconds.",
    fallback: 60,
    min: 1,
  }),
};

/** The budgets as @enlace/http's LoginBudgets has them. */
export function loginBudgetsOf(settings: SettingValues<typeof loginSettings>) {
  return {
    perUser: settings.ENLACE_LOGIN_MAX_ATTEMPTS,
    perAddress: settings.ENLACE_LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
    everyone: settings.ENLACE_LOGIN_MAX_ATTEMPTS_ALL,
    windowSeconds: settings.ENLACE_LOGIN_WINDOW_SECONDS,
  };
}
