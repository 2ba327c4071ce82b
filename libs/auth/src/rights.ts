import { ROLES, Role } from './roles';

/**
 * What a user of a node may do. Each operation of the node API names the one right it needs in the OpenAPI
 * document (`x-enlace-right`); the controllers enforce the roles that hold it, and the access-matrix test
 * (test/e2e/access-matrix.e2e.spec.ts) checks the two against each other on running nodes.
 */
export const RIGHTS = {
  'case.read': 'list and show this country’s cases (referrals, returns, plans), personal data included',
  'case.write':
    'create a case and take the sending country’s steps (send, answer a question, withdraw): each one speaks across ' +
    'the border, a focal point’s work',
  'case.answer':
    'take the receiving country’s decisions (accept, decline, ask, start and close a service): each one answers ' +
    'across the border, a focal point’s work',
  'reintegration.decide':
    'open a reintegration and take its decisions (plan, risk review, closing, re-referral); a step that tells the ' +
    'sending country (the person consented to it) also needs `case.answer`',
  'reintegration.record':
    'record a reintegration’s work in the country (implementation, monitoring, follow-up reports, a withdrawal of ' +
    'consent); a step that tells the sending country also needs `case.answer`',
  'case.share':
    'share a case or an intake of one’s own agency with another agency of this node, with a reason, or take it back',
  'intake.record': 'record an intake (a report from a hotline call, an outreach worker, a shelter) at this node',
  'intake.read': 'list and show this node’s intakes, the reporter’s and the person’s data included',
  'intake.screen': 'screen an intake: a presumed victim, not a case, or more information needed',
  'intake.convert': 'turn an intake screened as a presumed victim into a referral or a return request',
  'audit.read': 'read the node’s audit trail of who read or changed what',
  'flow.read': 'see the flow of messages (volumes, delays, overdue answers), never a case or a person',
  'session.read': 'see who the node takes the caller for: name, country and roles (a console signing in)',
  'inbox.manage':
    'list the messages this node received but set aside or holds waiting, and apply a set-aside one again',
  'statistics.publish': 'count this node’s cases of a month and publish the suppressed report to the secretariat',
  'document.attach':
    'attach a document to a case of this country: it travels, sealed, to the other end, so a focal point’s work',
  'document.read': 'list the documents of a case of this country and download them',
} as const;
export type Right = keyof typeof RIGHTS;
export const RIGHT_NAMES = Object.keys(RIGHTS) as Right[];

/**
 * The one table of who holds what; README.md and SECURITY.md show it. Only a focal point speaks for the country:
 * every right whose use sends a message across the border (`case.write`, `case.answer`, `document.attach`) is the
 * focal point's alone, and the node refuses a step that would send one to anyone else (AgencyScope). Case workers
 * and supervisors do the work inside the country: reading, sharing, intakes, a reintegration's steps that stay home.
 */
export const ROLE_RIGHTS: Readonly<Record<Role, readonly Right[]>> = {
  'focal-point': [
    'case.read',
    'case.write',
    'case.answer',
    'reintegration.decide',
    'reintegration.record',
    'intake.read',
    'intake.convert',
    'document.attach',
    'document.read',
    'session.read',
  ],
  'case-worker': ['case.read', 'reintegration.record', 'document.read', 'session.read'],
  supervisor: [
    'case.read',
    'reintegration.decide',
    'reintegration.record',
    'case.share',
    'audit.read',
    'intake.read',
    'intake.screen',
    'inbox.manage',
    'statistics.publish',
    'document.read',
    'session.read',
  ],
  secretariat: ['flow.read', 'session.read'],
  auditor: ['case.read', 'audit.read', 'intake.read', 'session.read'],
  // A hotline operator takes reports during calls: intakes only, never the node's cases.
  hotline: ['intake.record', 'intake.read', 'session.read'],
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
