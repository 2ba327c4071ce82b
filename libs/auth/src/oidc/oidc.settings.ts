import { envSetting, optionalText, requiredWhen, type SetSettings } from '@enlace/config';
import { ROLES } from '../roles';
import { parseRoleMap } from './role-map';

const SIGNATURE_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

/**
 * The identity provider whose tokens a service accepts instead of its built-in development issuer's: the same
 * settings for node-api (the country's provider) and the monitor (the secretariat's). `whose` names the provider in
 * the generated documentation, e.g. "The country's".
 */
export function identityProviderSettings(whose: string) {
  return {
    ENLACE_OIDC_ISSUER: optionalText({
      description:
        `${whose} identity provider (OpenID Connect issuer URL). Set: only its tokens count and the built-in ` +
        'development issuer is off (POST /auth/token answers 404). Production requires it.',
    }),
    ENLACE_OIDC_AUDIENCE: optionalText({
      description:
        "The audience the provider's tokens must name (the client id or resource Enlace has at the provider).",
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
          `co-npm-focal=focal-point), each Enlace role one of ${ROLES.join(', ')}. Unset: the claim's values that ` +
          'are Enlace role names count as they are.',
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
    ENLACE_OIDC_USERNAME_CLAIM: optionalText({ description: 'The claim naming the user.', fallback: 'sub' }),
  };
}

/** True when no identity provider is set: the built-in development issuer signs the tokens. */
export const withoutIdentityProvider = (set: SetSettings): boolean => set['ENLACE_OIDC_ISSUER'] === undefined;

/** An issuer without an audience would take any token the provider signs, for any of its clients. */
export const identityProviderRules = [
  requiredWhen(
    'ENLACE_OIDC_AUDIENCE',
    (set) => set['ENLACE_OIDC_ISSUER'] !== undefined,
    'when ENLACE_OIDC_ISSUER is set',
  ),
];
