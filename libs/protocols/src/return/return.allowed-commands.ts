import { admitReturnCommand } from './return.admission';
import { ReturnCommandType } from './return.commands';
import { ReturnSide, ReturnState } from './return.state';
import { RETURN_COMMAND_TYPES } from './return.transitions';

/**
 * The commands `side` may issue on this replica now, steps forward first; a console passes the replica's own
 * side to list the actions it can offer. It applies the same checks decide() makes on the replica (side, a
 * child's safeguards, status, who holds a suspension, a safeguard already recorded); the rules on the command's
 * data (consent, reasons, escort, due times) and the child safeguards a reception plan needs first
 * (missingChildSafeguards says which) still belong to decide(). A receipt that would change nothing is not
 * offered.
 */
export function allowedReturnCommands(state: ReturnState | undefined, side: ReturnSide): ReturnCommandType[] {
  return RETURN_COMMAND_TYPES.filter((type) => {
    const admission = admitReturnCommand(state, type, side);
    return admission.admitted && !admission.noOp;
  });
}
