import { ConfigurationError } from '@enlace/config';
import { OidcConfig, parseRoleMap, readAuthConfig } from './auth.config';
import { userFromOidcClaims } from './oidc-claims';

const config: OidcConfig = {
  issuer: 'https://idp.example/realms/co',
  audience: 'enlace',
  algorithms: ['RS256'],
  rolesClaim: 'realm_access.roles',
  roleMap: { 'npm-focal': 'focal-point', 'npm-audit': 'auditor' },
  usernameClaim: 'preferred_username',
};

describe('userFromOidcClaims', () => {
  it('should map the provider’s roles and drop the unknown ones', () => {
    expect(
      userFromOidcClaims(
        { preferred_username: 'ana', realm_access: { roles: ['npm-focal', 'npm-audit', 'uma_authorization'] } },
        config,
        'CO',
      ),
    ).toEqual({ username: 'ana', country: 'CO', roles: ['focal-point', 'auditor'] });
  });

  it('should not take an Enlace role name at face value when a map is configured', () => {
    expect(
      userFromOidcClaims({ preferred_username: 'ana', realm_access: { roles: ['supervisor'] } }, config, 'CO'),
    ).toMatchObject({ roles: [] });
  });

  it('should read the country from its claim when one is configured', () => {
    expect(
      userFromOidcClaims({ preferred_username: 'e', country: 'ec' }, { ...config, countryClaim: 'country' }, 'CO'),
    ).toMatchObject({ country: 'EC' });
  });

  it('should read the agency from its claim when one is configured, and refuse a token that names none', () => {
    const withAgency = { ...config, agencyClaim: 'org.agency' };
    expect(
      userFromOidcClaims({ preferred_username: 'ana', org: { agency: 'co-shelter' } }, withAgency, 'CO'),
    ).toMatchObject({ agency: 'co-shelter' });
    expect(userFromOidcClaims({ preferred_username: 'ana' }, withAgency, 'CO')).toBe(false);
    expect(userFromOidcClaims({ preferred_username: 'ana' }, config, 'CO')).not.toHaveProperty('agency');
  });

  it('should refuse a token that names nobody', () => {
    expect(userFromOidcClaims({ realm_access: { roles: ['npm-focal'] } }, config, 'CO')).toBe(false);
  });
});

describe('readAuthConfig', () => {
  it('should keep the development issuer when no identity provider is configured', () => {
    expect(readAuthConfig({})).toEqual({
      loginBudgets: { perUser: 10, perAddress: 30, everyone: 300, windowSeconds: 60 },
    });
  });

  it('should need an audience with an issuer', () => {
    expect(() => readAuthConfig({ ENLACE_OIDC_ISSUER: 'https://idp.example' })).toThrow(ConfigurationError);
  });

  it('should refuse a role map naming a role Enlace does not have', () => {
    expect(() => parseRoleMap('npm-boss=admin')).toThrow(ConfigurationError);
    expect(parseRoleMap('a=focal-point, b=auditor')).toEqual({ a: 'focal-point', b: 'auditor' });
  });
});
