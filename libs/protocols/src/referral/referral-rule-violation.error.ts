import { ProtocolRuleViolation } from '../shared/protocol-rule-violation.error';
import { ReferralCommandType } from './referral.commands';
import { ReferralStatus } from './referral.state';

export type ReferralRuleViolationCode =
  | 'TRANSITION_NOT_ALLOWED'
  | 'WRONG_SIDE'
  | 'CONSENT_REQUIRED'
  | 'NOT_DUE'
  | 'REASON_REQUIRED'
  | 'ALREADY_EXISTS'
  | 'NOT_FOUND';

/** A referral command refused by the protocol; `status` is undefined when there was no referral yet. */
export class ReferralRuleViolation extends ProtocolRuleViolation<
  ReferralRuleViolationCode,
  ReferralStatus,
  ReferralCommandType
> {
  override readonly name: string = 'ReferralRuleViolation';

  constructor(
    code: ReferralRuleViolationCode,
    status: ReferralStatus | undefined,
    commandType: ReferralCommandType,
    detail: string,
  ) {
    super('Referral', code, status, commandType, detail);
  }
}
