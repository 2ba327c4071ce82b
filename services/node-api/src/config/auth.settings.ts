import { ConfigSchema, envSetting, loginSettings, optionalText, requiredWhen } from '@enlace/config';
import { ROLES } from '@enlace/auth';
import { parseRoleMap } from './role-map';

const SIGNATURE_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

/** The country's identity provider, whose tokens a production node accepts instead of the built-in issuer's. */
const oidcSettings = {
  ENLACE_OIDC_ISSUER: optionalText({
    description:
      "The country's identity provider (OpenID Connect issuer URL). Set: only its tokens count and the built-in " +
      'development issuer is off. Production requires it.',
  }),
  ENLACE_OIDC_AUDIENCE: optionalText({
    description: "The audience the provider's tokens must name (the client id Enlace has at the provider).",
    required: 'when ENLACE_OIDC_ISSUER is set',
  }),
  ENLACE_OIDC_JWKS_URI: optionalText({
    description:
      "Where the provider's signing keys are. Unset: found through <issuer>/.well-known/openid-configuration.",
  }),
  ENLACE_OIDC_ALGORITHMS: envSetting<string[]>(
    {
      description: `The token signature algorithms accepted, comma-separated, among ${SIGNATURE_ALGORITHMS.join(', ')}.`,
      default: 'RS256,ES256',
    },
    (value, refuse) => {
      const algorithms = (value ?? 'RS256,ES256')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      return algorithms.length > 0 && algorithms.every((algorithm) => SIGNATURE_ALGORITHMS.includes(algorithm))
        ? algorithms
        : refuse(`must be among ${SIGNATURE_ALGORITHMS.join(', ')}`);
    },
  ),
  ENLACE_OIDC_ROLES_CLAIM: optionalText({
    description: "Dotted path of the claim holding the user's roles at the provider, e.g. realm_access.roles.",
    fallback: 'roles',
  }),
  ENLACE_OIDC_ROLE_MAP: envSetting(
    {
      description:
        'Provider role to Enlace role, as provider-role=enlace-role pairs, comma-separated (e.g. ' +
        `co-npm-focal=focal-point), each Enlace role one of ${ROLES.join(', ')}. Unset: the claim's values that are ` +
        'Enlace role names count as they are.',
    },
    (value, refuse) => {
      if (value === undefined) return undefined;
      try {
        return parseRoleMap(value);
      } catch {
        return refuse(`must be provider-role=enlace-role pairs, each Enlace role one of ${ROLES.join(', ')}`);
      }
    },
  ),
  ENLACE_OIDC_COUNTRY_CLAIM: optionalText({
    description:
      "The claim naming the user's country. Unset: every user of this provider belongs to the node's country.",
  }),
  ENLACE_OIDC_AGENCY_CLAIM: optionalText({
    description:
      "Dotted path of the claim naming the user's agency (one of ENLACE_AGENCIES). Unset: every user of this " +
      'provider belongs to the gateway agency. Set: a user whose token names no agency of the node is refused.',
  }),
  ENLACE_OIDC_USERNAME_CLAIM: optionalText({ description: 'The claim naming the user.', fallback: 'sub' }),
};

/** node-api's authentication settings: the identity provider's and the sign-in budgets. */
export const authSettings = { ...oidcSettings, ...loginSettings };

export const authRules = [
  requiredWhen(
    'ENLACE_OIDC_AUDIENCE',
    (set) => set['ENLACE_OIDC_ISSUER'] !== undefined,
    'when ENLACE_OIDC_ISSUER is set',
  ),
];

/** The authentication part of node-api's schema alone, for its AuthConfigModule. */
export const authConfigSchema = new ConfigSchema('node-api', authSettings, authRules);
