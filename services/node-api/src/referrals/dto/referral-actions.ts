import { CaseRights, Role } from '@enlace/auth';
import type { NodeApiSchemas } from '@enlace/contracts';
import type { ReferralCommandType } from '@enlace/protocols';

export type ReferralAction = NodeApiSchemas['ReferralAction'];

interface ActionRule {
  /** The protocol command the action's endpoint decides. */
  readonly command: ReferralCommandType;
  /** Who may take it: every action sends a message across the border, so a focal point's (ROLE_RIGHTS). */
  readonly roles: readonly Role[];
}

/** Every action endpoint of a referral, with its command and roles; views and the controller read the same map. */
export const REFERRAL_ACTIONS: Readonly<Record<ReferralAction, ActionRule>> = {
  accept: { command: 'AcceptReferral', roles: CaseRights.answer },
  decline: { command: 'DeclineReferral', roles: CaseRights.answer },
  'request-information': { command: 'RequestInformation', roles: CaseRights.answer },
  'provide-information': { command: 'ProvideInformation', roles: CaseRights.write },
  withdraw: { command: 'WithdrawReferral', roles: CaseRights.write },
  'withdraw-consent': { command: 'WithdrawConsent', roles: CaseRights.write },
  'start-service': { command: 'StartService', roles: CaseRights.answer },
  close: { command: 'CloseReferral', roles: CaseRights.answer },
};

const ACTION_BY_COMMAND = new Map(
  Object.entries(REFERRAL_ACTIONS).map(([action, rule]) => [rule.command, action as ReferralAction]),
);

/**
 * The actions for the commands the protocol allows this end now, in the protocol's order, keeping those `roles`
 * may take (all of them when no roles are given). Commands without an endpoint (the expiry, a receipt) drop out.
 */
export function referralActionsFor(
  commands: readonly ReferralCommandType[],
  roles?: readonly Role[],
): ReferralAction[] {
  return commands.flatMap((command) => {
    const action = ACTION_BY_COMMAND.get(command);
    if (!action) return [];
    const allowed = roles === undefined || REFERRAL_ACTIONS[action].roles.some((role) => roles.includes(role));
    return allowed ? [action] : [];
  });
}
