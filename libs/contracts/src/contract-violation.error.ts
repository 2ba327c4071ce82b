/** One broken rule: where (a JSON Pointer into the checked value) and which rule. Never the value itself. */
export interface Violation {
  readonly path: string;
  readonly message: string;
}

/**
 * A message, header or entry does not conform to its contract. The message and violations name paths and rules only:
 * the values may be personal data, and errors end up in logs and dead-letter headers.
 */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';

  constructor(
    /** What was checked, e.g. "envelope header" or "referral.requested.v1 payload". */
    readonly subject: string,
    readonly violations: readonly Violation[],
  ) {
    super(`${subject} breaks its contract: ${violations.map((v) => `${v.path || '/'} ${v.message}`).join('; ')}`);
  }
}
