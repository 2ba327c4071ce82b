import { loginBudgetsOf } from '@enlace/config';
import { oidcConfigOf, type OidcConfig } from '@enlace/auth';
import type { LoginBudgets } from '@enlace/http';
import { authConfigSchema } from '../config/auth.settings';

export interface AuthConfig {
  /** Set when ENLACE_OIDC_ISSUER is: then only the provider's tokens count and the built-in issuer is off. */
  readonly oidc?: OidcConfig;
  /** Sign-in attempts allowed per user, per client address and in all, in each window. */
  readonly loginBudgets: LoginBudgets;
}

/**
 * The authentication settings, by the authentication part of node-api's schema (config/auth.settings.ts), read once
 * at start; a wrong one stops the process.
 */
export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const settings = authConfigSchema.read(env);
  const oidc = oidcConfigOf(settings, {
    countryClaim: settings.ENLACE_OIDC_COUNTRY_CLAIM,
    agencyClaim: settings.ENLACE_OIDC_AGENCY_CLAIM,
  });
  return { ...(oidc ? { oidc } : {}), loginBudgets: loginBudgetsOf(settings) };
}
