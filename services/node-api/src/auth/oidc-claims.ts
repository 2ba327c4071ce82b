import { ROLES, Role } from '@enlace/auth';
import { AuthenticatedUser } from './authenticated-user';
import { OidcConfig } from './auth.config';

const claimAt = (payload: Record<string, unknown>, dottedPath: string): unknown =>
  dottedPath
    .split('.')
    .reduce<unknown>(
      (node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      payload,
    );

/**
 * The user a verified token of the country's identity provider names: who (username claim), of which country
 * (the country claim, or the node's own), of which agency (the agency claim, when the node reads one), with which
 * Enlace roles (through the role map). False when the token does not say who, or names no agency where one is read.
 */
export function userFromOidcClaims(
  payload: Record<string, unknown>,
  config: OidcConfig,
  nodeCountry: string,
): AuthenticatedUser | false {
  const username = claimAt(payload, config.usernameClaim);
  const country = config.countryClaim ? claimAt(payload, config.countryClaim) : nodeCountry;
  if (typeof username !== 'string' || username.length === 0 || typeof country !== 'string') return false;
  const claimed = claimAt(payload, config.rolesClaim);
  const providerRoles = Array.isArray(claimed) ? claimed : typeof claimed === 'string' ? claimed.split(' ') : [];
  const roles = new Set<Role>();
  for (const providerRole of providerRoles) {
    if (typeof providerRole !== 'string') continue;
    const role = config.roleMap ? config.roleMap[providerRole] : (providerRole as Role);
    if (role && ROLES.includes(role)) roles.add(role);
  }
  const agency = config.agencyClaim ? claimAt(payload, config.agencyClaim) : undefined;
  // A provider that names agencies must name one: a user without it would fall to the gateway agency's cases.
  if (config.agencyClaim && (typeof agency !== 'string' || agency.length === 0)) return false;
  return {
    username,
    country: country.toUpperCase(),
    roles: [...roles],
    ...(typeof agency === 'string' ? { agency } : {}),
  };
}
