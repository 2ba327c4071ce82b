import { envSetting, integer, secretText } from './env-setting';

/**
 * The built-in development token issuer's settings (node-api's when no identity provider is set, the monitor's
 * always): `required` says when they are, true for always.
 */
export function tokenIssuerSettings(required: true | string) {
  return {
    ENLACE_JWT_SECRET: secretText({
      description:
        "The development issuer's signing secret, at least 32 characters, this service's own. Production refuses it.",
      required,
      minLength: 32,
    }),
    ENLACE_TOKEN_TTL_SECONDS: integer({
      description: 'How long a token of the development issuer lasts, in seconds (at least 60).',
      fallback: 3600,
      min: 60,
    }),
    ENLACE_USERS_FILE: envSetting<string | undefined>(
      {
        description: "The development issuer's users and their password hashes, a JSON file. Production refuses it.",
        required,
        example: '/etc/enlace/users.json',
      },
      (value, refuse) => (value === undefined && required === true ? refuse('is required') : value),
    ),
  };
}
