/**
 * A JWS or JWE this library cannot accept: malformed, of an algorithm it does not allow, or failing its
 * cryptographic check. Internal: the envelope classes turn it into the refusal their callers know.
 */
export class InvalidCompactJoseError extends Error {
  override readonly name = 'InvalidCompactJoseError';
}
