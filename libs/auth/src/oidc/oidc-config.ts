import type { SettingValues } from '@enlace/config';
import type { Role } from '../roles';
import type { identityProviderSettings } from './oidc.settings';

/** An identity provider whose tokens a service accepts instead of its built-in development issuer's. */
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
  /** Claim naming the user's country; absent: the service decides (a node: its own country). */
  readonly countryClaim?: string;
  /** Claim naming the user's agency; absent: the service decides (a node: its gateway agency). */
  readonly agencyClaim?: string;
  readonly usernameClaim: string;
}

/** The provider's settings as identityProviderSettings reads them; undefined when no issuer (or no audience) is set. */
export function oidcConfigOf(
  settings: SettingValues<ReturnType<typeof identityProviderSettings>>,
  claims: { readonly countryClaim?: string | undefined; readonly agencyClaim?: string | undefined } = {},
): OidcConfig | undefined {
  const issuer = settings.ENLACE_OIDC_ISSUER;
  const audience = settings.ENLACE_OIDC_AUDIENCE;
  if (issuer === undefined || audience === undefined) return undefined;
  const jwksUri = settings.ENLACE_OIDC_JWKS_URI;
  const roleMap = settings.ENLACE_OIDC_ROLE_MAP;
  const { countryClaim, agencyClaim } = claims;
  return {
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
}
