import { ROLES, Role } from './roles';

/**
 * What a user of a node may do. Each operation of the node API names the one right it needs in the OpenAPI
 * document (`x-enlace-right`); the controllers enforce the roles that hold it, and the access-matrix test
 * (test/e2e/access-matrix.e2e.spec.ts) checks the two against each other on running nodes.
 */
export const RIGHTS = {
  'case.read': 'list and show this country’s cases (referrals, returns, plans), personal data included',
  'case.write': 'create a case and take the sending country’s steps (send, answer a question, withdraw)',
  'case.answer': 'take the receiving country’s decisions (accept, decline, ask, start and close a service)',
  'audit.read': 'read the node’s audit trail of who read or changed what',
  'flow.read': 'see the flow of messages (volumes, delays, overdue answers), never a case or a person',
  'statistics.publish': 'count this node’s cases of a month and publish the suppressed report to the secretariat',
} as const;
export type Right = keyof typeof RIGHTS;
export const RIGHT_NAMES = Object.keys(RIGHTS) as Right[];

/** The one table of who holds what; README.md and SECURITY.md show it. */
export const ROLE_RIGHTS: Readonly<Record<Role, readonly Right[]>> = {
  'focal-point': ['case.read', 'case.write', 'case.answer'],
  'case-worker': ['case.read', 'case.write'],
  supervisor: ['case.read', 'case.write', 'case.answer', 'audit.read', 'statistics.publish'],
  secretariat: ['flow.read'],
  auditor: ['case.read', 'audit.read'],
};

/** The roles that hold `right`, in the order of ROLES. */
export function rolesWith(right: Right): Role[] {
  return ROLES.filter((role) => ROLE_RIGHTS[role].includes(right));
}

export function isRight(value: unknown): value is Right {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RIGHTS, value);
}

/** Whether a user with `roles` holds `right` through at least one of them. */
export function holdsRight(roles: readonly Role[], right: Right): boolean {
  return roles.some((role) => ROLE_RIGHTS[role]?.includes(right));
}
