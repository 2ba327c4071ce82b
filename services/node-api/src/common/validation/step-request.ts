import type { Role } from '@enlace/auth';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ProblemException } from '@enlace/http';
import { ContractBodyPipe } from './contract-body.pipe';
import { requireStepRoles } from './require-step-roles';

/** What a step endpoint needs to know of one step: who may take it, and the contract of its body. */
export interface StepRule {
  readonly roles: readonly Role[];
  readonly schema: string;
}

/**
 * Checks a request to `POST /<cases>/{id}/<step>` in the order a client learns most from: the step exists (404),
 * the caller may take it (403), the body matches the step's contract (400). Returns the checked body.
 */
export function checkedStepRequest<S extends string>(
  steps: Readonly<Record<S, StepRule>>,
  step: string,
  user: AuthenticatedUser,
  body: unknown,
  what: string,
): { step: S; body: Record<string, unknown> } {
  if (!Object.prototype.hasOwnProperty.call(steps, step)) {
    throw new ProblemException({ status: 404, title: 'Not Found', detail: `A ${what} has no step ${step}.` });
  }
  const rule = steps[step as S];
  requireStepRoles(user, rule.roles);
  return { step: step as S, body: new ContractBodyPipe(rule.schema).transform(body) as Record<string, unknown> };
}
