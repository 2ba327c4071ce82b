import { requiredWhen, type SetSettings, type SettingProblem } from '@enlace/config';
import { withoutIdentityProvider } from './oidc.settings';

/** When the development issuer's secret and users file are required: node-api's and the monitor's alike. */
export const WITHOUT_IDENTITY_PROVIDER =
  'unless ENLACE_OIDC_ISSUER is set (the development issuer then signs the tokens)';

/** Without an identity provider, the development issuer signs the tokens: its secret and its users are needed. */
export const developmentIssuerRules = [
  requiredWhen('ENLACE_JWT_SECRET', withoutIdentityProvider, WITHOUT_IDENTITY_PROVIDER),
  requiredWhen('ENLACE_USERS_FILE', withoutIdentityProvider, WITHOUT_IDENTITY_PROVIDER),
];

/**
 * What production refuses of a service's sign-in, each named: no identity provider (the development issuer would
 * sign `whose.tokens` tokens instead of `whose.provider` identity provider), or the development issuer's users file
 * of passwords or its shared secret set at all.
 */
export function developmentIssuerProblems(
  set: SetSettings,
  whose: { readonly tokens: string; readonly provider: string },
): SettingProblem[] {
  return [
    ...(withoutIdentityProvider(set)
      ? [
          {
            setting: 'ENLACE_OIDC_ISSUER',
            problem:
              `is not set: the development issuer would sign ${whose.tokens} tokens; production takes the tokens of ` +
              `${whose.provider} identity provider (ENLACE_OIDC_ISSUER, ENLACE_OIDC_AUDIENCE)`,
          },
        ]
      : []),
    ...(set['ENLACE_USERS_FILE'] !== undefined
      ? [{ setting: 'ENLACE_USERS_FILE', problem: "is set: a file of users and passwords is the development issuer's" }]
      : []),
    ...(set['ENLACE_JWT_SECRET'] !== undefined
      ? [
          {
            setting: 'ENLACE_JWT_SECRET',
            problem: "is set: the development issuer's secret has no place in production",
          },
        ]
      : []),
  ];
}
