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
import { kafkaLinkProductionProblems } from '@enlace/messaging';

/** Everything the monitor reads from its environment (monitor.config.ts turns it into MonitorConfig). */
export const monitorSettings = {
  ...networkSettings,
  ...logSettings,
  ...httpSettings({ port: 3100, bodyLimit: '64kb' }),
  ...kafkaSchema.shape,
  ...databaseSettings,
  ...tokenIssuerSettings(true),
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
 * The monitor has no identity provider path yet, so its development issuer is always on: production refuses it until
 * that path exists, and a directory no trust anchor signed.
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
  requiredWhen(
    'ENLACE_TRUST_ANCHORS_FILE',
    (set) => set['ENLACE_DIRECTORY_FILE'] === undefined,
    'unless ENLACE_DIRECTORY_FILE is set',
  ),
  refuseDevelopmentOnly,
]);
