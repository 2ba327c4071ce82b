/**
 * What the console offers a user on intakes, by the roles the token names (for display and routing only: the node
 * decides, by the same table in libs/auth, on every call).
 */
export const INTAKE_ROLES = {
  record: ['hotline'],
  read: ['hotline', 'supervisor', 'focal-point', 'auditor'],
} as const;

export const canRecordIntakes = (roles: readonly string[]): boolean =>
  roles.some((role) => (INTAKE_ROLES.record as readonly string[]).includes(role));

export const canReadIntakes = (roles: readonly string[]): boolean =>
  roles.some((role) => (INTAKE_ROLES.read as readonly string[]).includes(role));

/** A user who takes calls and reads no case: the intake form is their home page. */
export const takesCallsOnly = (roles: readonly string[]): boolean =>
  canRecordIntakes(roles) && roles.every((role) => role === 'hotline');
