import { ConfigurationError } from '@enlace/config';
import { identityFromOidcClaims } from './oidc-claims';
import type { OidcConfig } from './oidc-config';
import { parseRoleMap } from './role-map';

const config: OidcConfig = {
  issuer: 'https://idp.example/realms/co',
  audience: 'enlace',
  algorithms: ['RS256'],
  rolesClaim: 'realm_access.roles',
  roleMap: { 'npm-focal': 'focal-point', 'npm-audit': 'auditor' },
  usernameClaim: 'preferred_username',
};

describe(identityFromOidcClaims, () => {
  it('should map the provider’s roles and drop the unknown ones', () => {
    expect(
      identityFromOidcClaims(
        { preferred_username: 'ana', realm_access: { roles: ['npm-focal', 'npm-audit', 'uma_authorization'] } },
        config,
      ),
    ).toEqual({ username: 'ana', roles: ['focal-point', 'auditor'] });
  });

  it('should not take an Enlace role name at face value when a map is configured', () => {
    expect(
      identityFromOidcClaims({ preferred_username: 'ana', realm_access: { roles: ['supervisor'] } }, config),
    ).toMatchObject({ roles: [] });
  });

  it('should take the claim’s Enlace role names as they are when no map is configured, space-separated too', () => {
    const { roleMap: _none, ...unmapped } = config;
    expect(
      identityFromOidcClaims({ preferred_username: 'sec', realm_access: { roles: 'secretariat boss' } }, unmapped),
    ).toEqual({ username: 'sec', roles: ['secretariat'] });
  });

  it('should read the country from its claim when one is configured, and refuse a token that names none', () => {
    const withCountry = { ...config, countryClaim: 'country' };
    expect(identityFromOidcClaims({ preferred_username: 'e', country: 'ec' }, withCountry)).toMatchObject({
      country: 'EC',
    });
    expect(identityFromOidcClaims({ preferred_username: 'e' }, withCountry)).toBe(false);
    expect(identityFromOidcClaims({ preferred_username: 'e', country: 'ec' }, config)).not.toHaveProperty('country');
  });

  it('should read the agency from its claim when one is configured, and refuse a token that names none', () => {
    const withAgency = { ...config, agencyClaim: 'org.agency' };
    expect(
      identityFromOidcClaims({ preferred_username: 'ana', org: { agency: 'co-shelter' } }, withAgency),
    ).toMatchObject({ agency: 'co-shelter' });
    expect(identityFromOidcClaims({ preferred_username: 'ana' }, withAgency)).toBe(false);
    expect(identityFromOidcClaims({ preferred_username: 'ana' }, config)).not.toHaveProperty('agency');
  });

  it('should refuse a token that names nobody', () => {
    expect(identityFromOidcClaims({ realm_access: { roles: ['npm-focal'] } }, config)).toBe(false);
    expect(identityFromOidcClaims({ preferred_username: '' }, config)).toBe(false);
  });
});

describe(parseRoleMap, () => {
  it('should refuse a role map naming a role Enlace does not have', () => {
    expect(() => parseRoleMap('npm-boss=admin')).toThrow(ConfigurationError);
  });

  it('should read provider-role=enlace-role pairs, spaces around them ignored', () => {
    expect(parseRoleMap('a=focal-point, b=auditor')).toEqual({ a: 'focal-point', b: 'auditor' });
  });
});
