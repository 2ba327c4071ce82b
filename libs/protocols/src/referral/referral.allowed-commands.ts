import { ReferralCommandType } from './referral.commands';
import { ReferralSide, ReferralState } from './referral.state';
import { REFERRAL_COMMAND_RULES, REFERRAL_COMMAND_TYPES } from './referral.transitions';

/**
 * The commands `side` may issue on this replica now; a console passes the replica's own side to list the
 * actions it can offer. It reads the same rules decide() enforces on side and status; the rules on a command's
 * data (consent, the due time, a reason) still belong to decide(). A receipt that would change nothing is not
 * offered.
 */
export function allowedCommands(state: ReferralState | undefined, side: ReferralSide): ReferralCommandType[] {
  return REFERRAL_COMMAND_TYPES.filter((type) => {
    const rule = REFERRAL_COMMAND_RULES[type];
    if (!rule.by.includes(side)) {
      return false;
    }
    if (rule.kind === 'create') {
      return state === undefined;
    }
    return state !== undefined && rule.from.includes(state.status);
  });
}
