import type { ConvertIntake, EraseIntake, IntakeCommand, MergeIntake, ScreenIntake } from './intake.commands';
import type { IntakeEvent } from './intake.events';
import { IntakeRuleViolation } from './intake-rule-violation.error';
import type { IntakeState, IntakeStatus } from './intake.state';

/** The statuses a screening may start from: a new intake, or one that waited for more information. */
const SCREENABLE: readonly IntakeStatus[] = ['recorded', 'needs-information'];
/** The statuses an intake may be merged from: not turned away, not yet a case of its own. */
const MERGEABLE: readonly IntakeStatus[] = ['recorded', 'needs-information', 'presumed-victim'];

/**
 * What a command does to an intake, as events; a command the rules refuse throws an IntakeRuleViolation. An intake
 * is screened before anything is done with it, and only a presumed victim becomes a referral or a return: the
 * screening is the node's decision that the report is a case at all.
 */
export function decideIntake(state: IntakeState | undefined, command: IntakeCommand): IntakeEvent[] {
  if (command.type === 'RecordIntake') {
    if (state) throw new IntakeRuleViolation('ALREADY_EXISTS', state.status, command.type, 'on an existing intake');
    return [{ type: 'IntakeRecorded', data: { intakeId: command.data.intakeId, at: command.data.at } }];
  }
  if (!state) throw new IntakeRuleViolation('NOT_FOUND', undefined, command.type, 'before the intake was recorded');
  // Nothing is decided on data that are gone: a screening or a case would rest on what no one can read again.
  if (state.erasedAt) {
    throw new IntakeRuleViolation('TRANSITION_NOT_ALLOWED', state.status, command.type, 'after its data were erased');
  }
  switch (command.type) {
    case 'ScreenIntake':
      return screen(state, command);
    case 'ConvertIntake':
      return convert(state, command);
    case 'MergeIntake':
      return merge(state, command);
    case 'EraseIntake':
      return erase(state, command);
  }
}

function erase(state: IntakeState, command: EraseIntake): IntakeEvent[] {
  return [{ type: 'IntakeErased', data: { intakeId: state.intakeId, at: command.data.at } }];
}

function screen(state: IntakeState, command: ScreenIntake): IntakeEvent[] {
  if (!SCREENABLE.includes(state.status)) {
    throw new IntakeRuleViolation('TRANSITION_NOT_ALLOWED', state.status, command.type, `in status ${state.status}`);
  }
  const { outcome, at } = command.data;
  const reason = command.data.reason?.trim();
  // Turning a report away, or sending it back for more, is a decision someone must be able to read the grounds of.
  if (outcome !== 'presumed-victim' && !reason) {
    throw new IntakeRuleViolation('REASON_REQUIRED', state.status, command.type, `as ${outcome} without a reason`);
  }
  return [{ type: 'IntakeScreened', data: { intakeId: state.intakeId, outcome, ...(reason ? { reason } : {}), at } }];
}

function convert(state: IntakeState, command: ConvertIntake): IntakeEvent[] {
  if (state.status !== 'presumed-victim') {
    throw new IntakeRuleViolation(
      'TRANSITION_NOT_ALLOWED',
      state.status,
      command.type,
      `in status ${state.status}: only an intake screened as a presumed victim becomes a ${command.data.protocol}`,
    );
  }
  const { protocol, caseId, at } = command.data;
  return [{ type: 'IntakeConverted', data: { intakeId: state.intakeId, protocol, caseId, at } }];
}

function merge(state: IntakeState, command: MergeIntake): IntakeEvent[] {
  if (!MERGEABLE.includes(state.status)) {
    throw new IntakeRuleViolation(
      'TRANSITION_NOT_ALLOWED',
      state.status,
      command.type,
      `in status ${state.status}: only an intake that is not a case of its own, nor turned away, joins a case`,
    );
  }
  const { protocol, caseId, at } = command.data;
  return [{ type: 'IntakeMerged', data: { intakeId: state.intakeId, protocol, caseId, at } }];
}
