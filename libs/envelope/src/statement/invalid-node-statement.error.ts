/** A node's signed statement that does not hold: malformed, of an unknown signer, or with a broken signature. */
export class InvalidNodeStatementError extends Error {
  override readonly name = 'InvalidNodeStatementError';
}
