import { ROLES, type Role } from '../roles';
import type { OidcConfig } from './oidc-config';

/** Who a verified token of an identity provider names, in Enlace's terms. */
export interface OidcIdentity {
  readonly username: string;
  readonly roles: readonly Role[];
  /** The country claim's value, upper-cased; absent when the provider is read without a country claim. */
  readonly country?: string;
  /** The agency claim's value; absent when the provider is read without an agency claim. */
  readonly agency?: string;
}

const claimAt = (payload: Record<string, unknown>, dottedPath: string): unknown =>
  dottedPath
    .split('.')
    .reduce<unknown>(
      (node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      payload,
    );

/**
 * The identity a verified token of an identity provider names: who (username claim), of which country (the country
 * claim, when one is read), of which agency (the agency claim, when one is read), with which Enlace roles (through
 * the role map). False when the token does not say who, or names no country or agency where one is read: such a
 * user would otherwise fall to a default that is not theirs.
 */
export function identityFromOidcClaims(payload: Record<string, unknown>, config: OidcConfig): OidcIdentity | false {
  const username = claimAt(payload, config.usernameClaim);
  if (typeof username !== 'string' || username.length === 0) return false;
  const country = config.countryClaim ? claimAt(payload, config.countryClaim) : undefined;
  if (config.countryClaim && typeof country !== 'string') return false;
  const agency = config.agencyClaim ? claimAt(payload, config.agencyClaim) : undefined;
  if (config.agencyClaim && (typeof agency !== 'string' || agency.length === 0)) return false;
  const claimed = claimAt(payload, config.rolesClaim);
  const providerRoles = Array.isArray(claimed) ? claimed : typeof claimed === 'string' ? claimed.split(' ') : [];
  const roles = new Set<Role>();
  for (const providerRole of providerRoles) {
    if (typeof providerRole !== 'string') continue;
    const role = config.roleMap ? config.roleMap[providerRole] : (providerRole as Role);
    if (role && ROLES.includes(role)) roles.add(role);
  }
  return {
    username,
    roles: [...roles],
    ...(typeof country === 'string' ? { country: country.toUpperCase() } : {}),
    ...(typeof agency === 'string' ? { agency } : {}),
  };
}
