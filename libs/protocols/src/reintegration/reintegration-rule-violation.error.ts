import { ProtocolRuleViolation } from '../shared/protocol-rule-violation.error';
import { ReintegrationCommandType } from './reintegration.commands';
import { ReintegrationStatus } from './reintegration.state';

export type ReintegrationRuleViolationCode =
  | 'TRANSITION_NOT_ALLOWED'
  | 'WRONG_SIDE'
  | 'ALREADY_EXISTS'
  | 'NOT_FOUND'
  | 'CONSENT_REQUIRED'
  | 'INVALID_DATE'
  | 'INVALID_INTERVAL'
  | 'SUPPORT_REQUIRED'
  | 'OUT_OF_ORDER'
  | 'REASON_REQUIRED';

/** A reintegration command refused by the protocol; `status` is undefined when there was no reintegration yet. */
export class ReintegrationRuleViolation extends ProtocolRuleViolation<
  ReintegrationRuleViolationCode,
  ReintegrationStatus,
  ReintegrationCommandType
> {
  override readonly name: string = 'ReintegrationRuleViolation';

  constructor(
    code: ReintegrationRuleViolationCode,
    status: ReintegrationStatus | undefined,
    commandType: ReintegrationCommandType,
    detail: string,
  ) {
    super('Reintegration', code, status, commandType, detail);
  }
}
