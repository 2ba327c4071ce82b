/**
 * A command that the protocol's rules refuse. Every protocol (referral, return, reintegration) narrows the code,
 * status and command types; the API maps the code to an HTTP answer (409 for a transition, 422 for a rule on the
 * command's data). The message names the rule, the status and the command — never a person's data — so it can
 * be logged and returned as it is.
 */
export class ProtocolRuleViolation<
  TCode extends string = string,
  TStatus extends string = string,
  TCommandType extends string = string,
> extends Error {
  override readonly name: string = 'ProtocolRuleViolation';

  constructor(
    readonly protocol: string,
    readonly code: TCode,
    readonly status: TStatus | undefined,
    readonly commandType: TCommandType,
    detail: string,
  ) {
    super(`${protocol} rule violated (${code}): ${commandType} ${detail}`);
  }
}
