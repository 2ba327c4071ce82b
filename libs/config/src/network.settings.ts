import { deploymentModeSetting } from './deployment-mode';
import { countryCode, networkName, requiredText } from './env-setting';

/** What every service of a network is told first: the mode it runs in and the network it belongs to. */
export const networkSettings = {
  ENLACE_ENV: deploymentModeSetting,
  ENLACE_NETWORK: networkName({
    description:
      "The network's name, as every envelope header and topic name carries it (enlace.<network>.inbox.<CC>): " +
      'lower-case letters, digits and dashes, 2 to 31 characters. The same for every member and the monitor.',
    example: 'demo',
  }),
};

/** What a country's node (node-api and its courier) is told about itself. */
export const nodeSettings = {
  ENLACE_COUNTRY: countryCode({
    description: "The node's country, an ISO 3166 alpha-2 code (either case): the network addresses it by this code.",
    example: 'CO',
  }),
  ENLACE_CASE_KEK_FILE: requiredText({
    description:
      "The node's key-encryption key, a JSON file readable by its owner only (mode 600): it wraps each case's key " +
      'for personal data at rest. Never in the same backup as the database.',
    example: '/etc/enlace/secrets/case-kek.json',
  }),
};
