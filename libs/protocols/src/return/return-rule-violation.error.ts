import { ProtocolRuleViolation } from '../shared/protocol-rule-violation.error';
import { ReturnCommandType } from './return.commands';
import { ReturnStatus } from './return.state';

export type ReturnRuleViolationCode =
  // The command does not fit the return as it stands (an API answers 409, or 404 for NOT_FOUND).
  | 'TRANSITION_NOT_ALLOWED'
  | 'WRONG_SIDE'
  | 'ALREADY_EXISTS'
  | 'NOT_FOUND'
  | 'NOT_APPLICABLE'
  | 'SAFEGUARD_ALREADY_RECORDED'
  // A rule on the command's data or on what must come first (an API answers 422).
  | 'INFORMED_DECISION_REQUIRED'
  | 'CONSENT_REQUIRED'
  | 'REASON_REQUIRED'
  | 'CHILD_SAFEGUARD_MISSING'
  | 'ESCORT_REQUIRED'
  | 'TRAVEL_DETAILS_REQUIRED'
  | 'DUE_TIME_INVALID';

/** A return command refused by the protocol; `status` is undefined when there was no return yet. */
export class ReturnRuleViolation extends ProtocolRuleViolation<
  ReturnRuleViolationCode,
  ReturnStatus,
  ReturnCommandType
> {
  override readonly name: string = 'ReturnRuleViolation';

  constructor(
    code: ReturnRuleViolationCode,
    status: ReturnStatus | undefined,
    commandType: ReturnCommandType,
    detail: string,
  ) {
    super('Return', code, status, commandType, detail);
  }
}
