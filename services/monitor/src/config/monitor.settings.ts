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
import {
  developmentIssuerProblems,
  developmentIssuerRules,
  identityProviderRules,
  identityProviderSettings,
  WITHOUT_IDENTITY_PROVIDER,
} from '@enlace/auth';
import { kafkaLinkProductionProblems } from '@enlace/messaging';

/** Everything the monitor reads from its environment (monitor.config.ts turns it into MonitorConfig). */
export const monitorSettings = {
  ...networkSettings,
  ...logSettings,
  ...httpSettings({ port: 3100, bodyLimit: '64kb' }),
  ...kafkaSchema.shape,
  ...databaseSettings,
  ...tokenIssuerSettings(WITHOUT_IDENTITY_PROVIDER),
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
  ...developmentIssuerProblems(set, { tokens: "the monitor's", provider: "the secretariat's" }),
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
  ...developmentIssuerRules,
  ...identityProviderRules,
  requiredWhen(
    'ENLACE_TRUST_ANCHORS_FILE',
    (set) => set['ENLACE_DIRECTORY_FILE'] === undefined,
    'unless ENLACE_DIRECTORY_FILE is set',
  ),
  refuseDevelopmentOnly,
]);
