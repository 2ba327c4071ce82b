import { ReturnCommandType } from './return.commands';
import { ReturnRuleViolationCode } from './return-rule-violation.error';
import { ReturnSide, ReturnState } from './return.state';
import { RETURN_COMMAND_RULES } from './return.transitions';

/** Whether a command of `type` fits this replica at all, before any rule on the command's data. */
export type ReturnAdmission =
  { admitted: true; noOp: boolean } | { admitted: false; code: ReturnRuleViolationCode; detail: string };

const ADMITTED: ReturnAdmission = { admitted: true, noOp: false };

const refused = (code: ReturnRuleViolationCode, detail: string): ReturnAdmission => ({ admitted: false, code, detail });

/**
 * The checks that depend on the replica and not on the command's data, in the order existence (NOT_FOUND,
 * ALREADY_EXISTS) -> side (WRONG_SIDE) -> a child's safeguard for an adult (NOT_APPLICABLE) -> status
 * (TRANSITION_NOT_ALLOWED) -> the refinements the status alone cannot say (who holds a suspension, a safeguard
 * already recorded). decide() and allowedReturnCommands() share it, so the console and the protocol agree.
 */
export function admitReturnCommand(
  state: ReturnState | undefined,
  type: ReturnCommandType,
  side: ReturnSide,
): ReturnAdmission {
  const rule = RETURN_COMMAND_RULES[type];
  if (rule.kind === 'create') {
    if (state) return refused('ALREADY_EXISTS', 'is not allowed: this end already holds the return');
    return rule.by.includes(side) ? ADMITTED : refused('WRONG_SIDE', `cannot be issued by the ${side}`);
  }
  if (!state) return refused('NOT_FOUND', 'needs a return, and this end holds none');
  if (!rule.by.includes(side)) return refused('WRONG_SIDE', `cannot be issued by the ${side}`);
  if (rule.childOnly && !state.isChild) return refused('NOT_APPLICABLE', 'applies to the return of a child only');
  if (!rule.from.includes(state.status)) {
    return refused('TRANSITION_NOT_ALLOWED', `is not allowed while the return is ${state.status}`);
  }
  return refine(state, type, side);
}

function refine(state: ReturnState, type: ReturnCommandType, side: ReturnSide): ReturnAdmission {
  const holds = state.suspension?.holds ?? [];
  switch (type) {
    case 'RecordReturnDelivery':
      // A second receipt, or one for a request the receiver already answered twice over, changes nothing.
      return state.deliveredAt === undefined ? ADMITTED : { admitted: true, noOp: true };
    case 'ResumeReturn':
      return holds.some((hold) => hold.by === side)
        ? ADMITTED
        : refused('WRONG_SIDE', `cannot be issued by the ${side}: only the end that suspended the return resumes it`);
    case 'SuspendReturn':
      return holds.some((hold) => hold.by === side)
        ? refused('TRANSITION_NOT_ALLOWED', `is not allowed: the ${side} already holds the return suspended`)
        : ADMITTED;
    case 'AppointGuardian':
      return state.guardianAppointedAt === undefined ? ADMITTED : alreadyRecorded('a guardian');
    case 'RecordBestInterestsDetermination':
      return state.bestInterests === undefined ? ADMITTED : alreadyRecorded('the best-interests determination');
    case 'RecordFamilyAssessment':
      return state.familyAssessment === undefined ? ADMITTED : alreadyRecorded('the family assessment');
    default:
      return ADMITTED;
  }
}

function alreadyRecorded(safeguard: string): ReturnAdmission {
  return refused('SAFEGUARD_ALREADY_RECORDED', `is not allowed: ${safeguard} is already recorded`);
}
