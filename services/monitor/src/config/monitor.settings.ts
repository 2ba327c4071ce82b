import {
  ConfigSchema,
  databaseSettings,
  httpSettings,
  inProduction,
  kafkaSchema,
  loginSettings,
  logSettings,
  networkSettings,
  optionalText,
  requiredWhen,
  tokenIssuerSettings,
} from '@enlace/config';
import { identityProviderRules, identityProviderSettings, withoutIdentityProvider } from '@enlace/auth';
import { kafkaLinkProductionProblems } from '@enlace/messaging';

const WITHOUT_PROVIDER = 'unless ENLACE_OIDC_ISSUER is set (the development issuer then signs the tokens)';

/** Everything the monitor reads from its environment (monitor.config.ts turns it into MonitorConfig). */
export const monitorSettings = {
  ...networkSettings,
  ...logSettings,
  ...httpSettings({ port: 3100, bodyLimit: '64kb' }),
  ...kafkaSchema.shape,
  ...databaseSettings,
  ...tokenIssuerSettings(WITHOUT_PROVIDER),
  ...identityProviderSettings("The secretariat's"),
  ENLACE_TRUST_ANCHORS_FILE: optionalText({
    description:
      "The network's trust anchors (public keys), a JSON file: the monitor then takes member keys from the signed " +
      'directory topic, as the nodes do, and only from entries a trust anchor signed. Production requires it.',
    required: 'unless ENLACE_DIRECTORY_FILE is set',
  }),
  ENLACE_DIRECTORY_FILE: optionalText({
    description:
      'A fixed, unsigned directory file of member keys (development); ignored when ENLACE_TRUST_ANCHORS_FILE is set.',
    example: '/etc/enlace/directory.json',
  }),
  ...loginSettings,
};

/**
 * In production the development issuer (its users file of passwords, its shared-secret tokens) is refused, as
 * node-api refuses it: the secretariat's identity provider issues the tokens. So is a directory no trust anchor signed.
 */
const refuseDevelopmentOnly = inProduction((set) => [
  // it reads every country's envelope headers and may redrive dead letters: its link is held to the courier's rules
  ...kafkaLinkProductionProblems('the monitor', set),
  ...(withoutIdentityProvider(set)
    ? [
        {
          setting: 'ENLACE_OIDC_ISSUER',
          problem:
            "is not set: the development issuer would sign the monitor's tokens; production takes the tokens of the " +
            "secretariat's identity provider (ENLACE_OIDC_ISSUER, ENLACE_OIDC_AUDIENCE)",
        },
      ]
    : []),
  ...(set['ENLACE_USERS_FILE'] !== undefined
    ? [{ setting: 'ENLACE_USERS_FILE', problem: "is set: a file of users and passwords is the development issuer's" }]
    : []),
  ...(set['ENLACE_JWT_SECRET'] !== undefined
    ? [{ setting: 'ENLACE_JWT_SECRET', problem: "is set: the development issuer's secret has no place in production" }]
    : []),
  ...(set['ENLACE_TRUST_ANCHORS_FILE'] === undefined
    ? [
        {
          setting: 'ENLACE_TRUST_ANCHORS_FILE',
          problem:
            "is not set: production takes member keys only from the directory the network's trust anchors signed, " +
            'never from an unsigned ENLACE_DIRECTORY_FILE',
        },
      ]
    : []),
]);

export const monitorConfigSchema = new ConfigSchema('the monitor', monitorSettings, [
  ...kafkaSchema.rules,
  requiredWhen('ENLACE_JWT_SECRET', withoutIdentityProvider, WITHOUT_PROVIDER),
  requiredWhen('ENLACE_USERS_FILE', withoutIdentityProvider, WITHOUT_PROVIDER),
  ...identityProviderRules,
  requiredWhen(
    'ENLACE_TRUST_ANCHORS_FILE',
    (set) => set['ENLACE_DIRECTORY_FILE'] === undefined,
    'unless ENLACE_DIRECTORY_FILE is set',
  ),
  refuseDevelopmentOnly,
]);
