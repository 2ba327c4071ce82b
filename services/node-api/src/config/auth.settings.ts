import { ConfigSchema, loginSettings, optionalText } from '@enlace/config';
import { identityProviderRules, identityProviderSettings } from '@enlace/auth';

/**
 * The country's identity provider, whose tokens a production node accepts instead of the built-in issuer's: the
 * settings every service with a provider reads (libs/auth), and the claims only a node reads.
 */
const oidcSettings = {
  ...identityProviderSettings("The country's"),
  ENLACE_OIDC_COUNTRY_CLAIM: optionalText({
    description:
      "The claim naming the user's country. Unset: every user of this provider belongs to the node's country.",
  }),
  ENLACE_OIDC_AGENCY_CLAIM: optionalText({
    description:
      "Dotted path of the claim naming the user's agency (one of ENLACE_AGENCIES). Unset: every user of this " +
      'provider belongs to the gateway agency. Set: a user whose token names no agency of the node is refused.',
  }),
};

/** node-api's authentication settings: the identity provider's and the sign-in budgets. */
export const authSettings = { ...oidcSettings, ...loginSettings };

export const authRules = [...identityProviderRules];

/** The authentication part of node-api's schema alone, for its AuthConfigModule. */
export const authConfigSchema = new ConfigSchema('node-api', authSettings, authRules);
