/** The roles of a node's users (DESIGN.md §5). */
export const ROLES = ['focal-point', 'case-worker', 'supervisor', 'secretariat', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do with cases; issue "Trust and security" turns this into the full matrix. */
export const CaseRights = {
  read: ['focal-point', 'case-worker', 'supervisor', 'auditor'],
  write: ['focal-point', 'case-worker', 'supervisor'],
  answer: ['focal-point', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>;
