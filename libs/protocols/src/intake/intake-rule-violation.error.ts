import { ProtocolRuleViolation } from '../shared/protocol-rule-violation.error';
import type { IntakeCommandType } from './intake.commands';
import type { IntakeStatus } from './intake.state';

export type IntakeRuleViolationCode =
  // The command does not fit the intake as it stands (an API answers 409, or 404 for NOT_FOUND).
  | 'TRANSITION_NOT_ALLOWED'
  | 'ALREADY_EXISTS'
  | 'NOT_FOUND'
  // A rule on the command's data (an API answers 422).
  | 'REASON_REQUIRED';

/** An intake command refused by the rules; `status` is undefined when there was no intake yet. */
export class IntakeRuleViolation extends ProtocolRuleViolation<
  IntakeRuleViolationCode,
  IntakeStatus,
  IntakeCommandType
> {
  override readonly name: string = 'IntakeRuleViolation';

  constructor(
    code: IntakeRuleViolationCode,
    status: IntakeStatus | undefined,
    commandType: IntakeCommandType,
    detail: string,
  ) {
    super('Intake', code, status, commandType, detail);
  }
}
