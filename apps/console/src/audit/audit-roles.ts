/**
 * Who the console offers the node's audit log to, by the roles the token names (for display and routing only: the
 * node decides, by the right audit.read in libs/auth, on every call).
 */
export const AUDIT_READERS: readonly string[] = ['auditor', 'supervisor'];

export const canReadAuditLog = (roles: readonly string[]): boolean =>
  roles.some((role) => AUDIT_READERS.includes(role));
