import { ConfigurationError } from '@enlace/config';
import { readAuthConfig } from './auth.config';

describe(readAuthConfig, () => {
  it('should keep the development issuer when no identity provider is configured', () => {
    expect(readAuthConfig({})).toEqual({
      loginBudgets: { perUser: 10, perAddress: 30, everyone: 300, windowSeconds: 60 },
    });
  });

  it('should need an audience with an issuer', () => {
    expect(() => readAuthConfig({ ENLACE_OIDC_ISSUER: 'https://idp.example' })).toThrow(ConfigurationError);
  });

  it("should read the provider with the node's own claims, country and agency", () => {
    expect(
      readAuthConfig({
        ENLACE_OIDC_ISSUER: 'https://idp.example',
        ENLACE_OIDC_AUDIENCE: 'enlace',
        ENLACE_OIDC_ROLE_MAP: 'npm-focal=focal-point',
        ENLACE_OIDC_COUNTRY_CLAIM: 'country',
        ENLACE_OIDC_AGENCY_CLAIM: 'org.agency',
      }).oidc,
    ).toEqual({
      issuer: 'https://idp.example',
      audience: 'enlace',
      algorithms: ['RS256', 'ES256'],
      rolesClaim: 'roles',
      roleMap: { 'npm-focal': 'focal-point' },
      countryClaim: 'country',
      agencyClaim: 'org.agency',
      usernameClaim: 'sub',
    });
  });
});
