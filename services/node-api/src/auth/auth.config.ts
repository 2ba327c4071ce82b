import { loginBudgetsOf } from '@enlace/config';
import { Role } from '@enlace/auth';
import type { LoginBudgets } from '@enlace/http';
import { authConfigSchema } from '../config/auth.settings';

export { parseRoleMap } from '../config/role-map';

/** A country's identity provider, whose tokens a production node accepts instead of the built-in issuer's. */
export interface OidcConfig {
  readonly issuer: string;
  readonly audience: string;
  /** Where the provider's signing keys are; absent: found through `<issuer>/.well-known/openid-configuration`. */
  readonly jwksUri?: string;
  readonly algorithms: readonly string[];
  /** Dotted path of the claim holding the user's roles at the provider, e.g. `realm_access.roles`. */
  readonly rolesClaim: string;
  /** Provider role -> Enlace role; absent: the claim's values that are Enlace role names count as they are. */
  readonly roleMap?: Readonly<Record<string, Role>>;
  /** Claim naming the user's country; absent: every user of this provider belongs to the node's country. */
  readonly countryClaim?: string;
  /** Claim naming the user's agency; absent: every user of this provider belongs to the gateway agency. */
  readonly agencyClaim?: string;
  readonly usernameClaim: string;
}

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
  const issuer = settings.ENLACE_OIDC_ISSUER;
  const audience = settings.ENLACE_OIDC_AUDIENCE;
  const jwksUri = settings.ENLACE_OIDC_JWKS_URI;
  const roleMap = settings.ENLACE_OIDC_ROLE_MAP;
  const countryClaim = settings.ENLACE_OIDC_COUNTRY_CLAIM;
  const agencyClaim = settings.ENLACE_OIDC_AGENCY_CLAIM;
  const oidc: OidcConfig | undefined =
    issuer === undefined || audience === undefined
      ? undefined
      : {
          issuer,
          audience,
          ...(jwksUri ? { jwksUri } : {}),
          algorithms: settings.ENLACE_OIDC_ALGORITHMS,
          rolesClaim: settings.ENLACE_OIDC_ROLES_CLAIM,
          ...(roleMap ? { roleMap } : {}),
          ...(countryClaim ? { countryClaim } : {}),
          ...(agencyClaim ? { agencyClaim } : {}),
          usernameClaim: settings.ENLACE_OIDC_USERNAME_CLAIM,
        };
  return { ...(oidc ? { oidc } : {}), loginBudgets: loginBudgetsOf(settings) };
}
