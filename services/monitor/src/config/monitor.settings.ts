import {
  ConfigSchema,
  databaseSettings,
  httpSettings,
  inProduction,
  kafkaSchema,
  loginSettings,
  logSettings,
  networkSettings,
  requiredText,
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
  ENLACE_DIRECTORY_FILE: requiredText({
    description:
      "The network's member directory, a JSON file of public keys: the monitor checks each header's " +
      'signature against it. Production refuses an unsigned file (the monitor cannot read the signed topic yet).',
    example: '/etc/enlace/directory.json',
  }),
  ...loginSettings,
};

/**
 * In production the development issuer (its users file of passwords, its shared-secret tokens) is refused, as
 * node-api refuses it: the secretariat's identity provider issues the tokens. So is the unsigned directory file.
 */
const refuseDevelopmentOnly = inProduction((set) => [
  // it reads every country's envelope headers and may redrive dead letters: its link is held to the courier's rules
  ...kafkaLinkProductionProblems('the monitor', set),
  ...developmentIssuerProblems(set, { tokens: "the monitor's", provider: "the secretariat's" }),
  ...(set['ENLACE_DIRECTORY_FILE'] !== undefined
    ? [
        {
          setting: 'ENLACE_DIRECTORY_FILE',
          problem:
            "is an unsigned file of member keys: production takes the directory signed by the network's trust anchors",
        },
      ]
    : []),
]);

export const monitorConfigSchema = new ConfigSchema('the monitor', monitorSettings, [
  ...kafkaSchema.rules,
  ...developmentIssuerRules,
  ...identityProviderRules,
  refuseDevelopmentOnly,
]);
