/** The roles of a node's users (docs/architecture.md §5); what each may do is in ROLE_RIGHTS (rights.ts). */
export const ROLES = ['focal-point', 'case-worker', 'supervisor', 'secretariat', 'auditor', 'hotline'] as const;
export type Role = (typeof ROLES)[number];

/** The Enlace roles among what a token claims as its roles (a development issuer's `roles` claim); others dropped. */
export const rolesAmong = (claimed: unknown): Role[] =>
  Array.isArray(claimed) ? claimed.filter((role): role is Role => ROLES.includes(role as Role)) : [];
