import { ConfigurationError } from '@enlace/config';
import { ROLES, type Role } from '../roles';

/** `provider-role=enlace-role,...`, e.g. `co-npm-focal=focal-point,co-npm-lead=supervisor`. */
export function parseRoleMap(text: string): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const pair of text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [providerRole, role] = pair.split('=').map((side) => side.trim());
    if (!providerRole || !ROLES.includes(role as Role)) {
      throw new ConfigurationError(
        `ENLACE_OIDC_ROLE_MAP must be provider-role=enlace-role pairs, each Enlace role one of ${ROLES.join(', ')}`,
      );
    }
    map[providerRole] = role as Role;
  }
  return map;
}
