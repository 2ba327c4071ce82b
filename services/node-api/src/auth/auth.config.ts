import { ConfigurationError, EnvReader } from '@enlace/config';
import { ROLES, Role } from '@enlace/auth';
import { readLoginBudgets, type LoginBudgets } from '@enlace/http';

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
  readonly usernameClaim: string;
}

export interface AuthConfig {
  /** Set when ENLACE_OIDC_ISSUER is: then only the provider's tokens count and the built-in issuer is off. */
  readonly oidc?: OidcConfig;
  /** Sign-in attempts allowed per user, per client address and in all, in each window. */
  readonly loginBudgets: LoginBudgets;
}

const SIGNATURE_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

/** Reads the authentication settings from the environment, once at start; a wrong one stops the process. */
export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const read = new EnvReader(env);
  const issuer = read.optional('ENLACE_OIDC_ISSUER');
  return {
    ...(issuer ? { oidc: readOidc(read, issuer) } : {}),
    loginBudgets: readLoginBudgets(read),
  };
}

function readOidc(read: EnvReader, issuer: string): OidcConfig {
  const jwksUri = read.optional('ENLACE_OIDC_JWKS_URI');
  const algorithms = read.optional('ENLACE_OIDC_ALGORITHMS') ? read.list('ENLACE_OIDC_ALGORITHMS') : ['RS256', 'ES256'];
  const unknown = algorithms.filter((algorithm) => !SIGNATURE_ALGORITHMS.includes(algorithm));
  if (unknown.length > 0) {
    throw new ConfigurationError(`ENLACE_OIDC_ALGORITHMS must be among ${SIGNATURE_ALGORITHMS.join(', ')}`);
  }
  const roleMap = read.optional('ENLACE_OIDC_ROLE_MAP');
  const countryClaim = read.optional('ENLACE_OIDC_COUNTRY_CLAIM');
  return {
    issuer,
    audience: read.required('ENLACE_OIDC_AUDIENCE'),
    ...(jwksUri ? { jwksUri } : {}),
    algorithms,
    rolesClaim: read.optional('ENLACE_OIDC_ROLES_CLAIM') ?? 'roles',
    ...(roleMap ? { roleMap: parseRoleMap(roleMap) } : {}),
    ...(countryClaim ? { countryClaim } : {}),
    usernameClaim: read.optional('ENLACE_OIDC_USERNAME_CLAIM') ?? 'sub',
  };
}

/** `provider-role=enlace-role,...`, e.g. `co-npm-focal=focal-point,co-npm-lead=supervisor`. */
export function parseRoleMap(text: string): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const pair of text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [providerRole, role] = pair.split('=').map((side) => side.trim());
    if (!providerRole || !ROLES.includes(role as Role)) {
      throw new ConfigurationError(
        `ENLACE_OIDC_ROLE_MAP must be provider-role=enlace-role pairs, each Enlace role one of ${ROLES.join(', ')}`,
      );
    }
    map[providerRole] = role as Role;
  }
  return map;
}
