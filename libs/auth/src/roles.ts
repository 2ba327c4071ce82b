/** The roles of a node's users (docs/architecture.md §5); what each may do is in ROLE_RIGHTS (rights.ts). */
export const ROLES = ['focal-point', 'case-worker', 'supervisor', 'secretariat', 'auditor', 'hotline'] as const;
export type Role = (typeof ROLES)[number];
