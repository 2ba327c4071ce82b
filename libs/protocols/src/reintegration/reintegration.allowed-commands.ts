import { ReintegrationCommandType } from './reintegration.commands';
import { ReintegrationSide, ReintegrationState } from './reintegration.state';
import { REINTEGRATION_COMMAND_RULES, REINTEGRATION_COMMAND_TYPES } from './reintegration.transitions';

/**
 * The commands `side` may issue on this replica now; a console passes the replica's own side to list the
 * actions it can offer. It reads the same rules decideReintegration() enforces on side and status; the rules on
 * a command's data (consent, dates, the follow-up's number, a reason) still belong to decideReintegration().
 */
export function allowedReintegrationCommands(
  state: ReintegrationState | undefined,
  side: ReintegrationSide,
): ReintegrationCommandType[] {
  return REINTEGRATION_COMMAND_TYPES.filter((type) => {
    const rule = REINTEGRATION_COMMAND_RULES[type];
    if (!rule.by.includes(side)) {
      return false;
    }
    if (rule.kind === 'create') {
      return state === undefined;
    }
    return state !== undefined && rule.from.includes(state.status);
  });
}
