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
import { kafkaLinkProductionProblems } from '@enlace/messaging';

/** Everything the monitor reads from its environment (monitor.config.ts turns it into MonitorConfig). */
export const monitorSettings = {
  ...networkSettings,
  ...logSettings,
  ...httpSettings({ port: 3100, bodyLimit: '64kb' }),
  ...kafkaSchema.shape,
  ...databaseSettings,
  ...tokenIssuerSettings(true),
  ENLACE_DIRECTORY_FILE: requiredText({
    description:
      "The network's member directory, a JSON file of public keys: the monitor checks each header's " +
      'signature against it. Production refuses an unsigned file (the monitor cannot read the signed topic yet).',
    example: '/etc/enlace/directory.json',
  }),
  ...loginSettings,
};

/**
 * The monitor has no identity provider path yet, so its development issuer is always on: production refuses it until
 * that path exists, and the unsigned directory file with it.
 */
const refuseDevelopmentOnly = inProduction((set) => [
  // it reads every country's envelope headers and may redrive dead letters: its link is held to the courier's rules
  ...kafkaLinkProductionProblems('the monitor', set),
  {
    setting: 'ENLACE_JWT_SECRET',
    problem:
      "and ENLACE_USERS_FILE make the monitor sign its own tokens: it takes no identity provider's yet, and the " +
      'development issuer has no place in production',
  },
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
  refuseDevelopmentOnly,
]);
