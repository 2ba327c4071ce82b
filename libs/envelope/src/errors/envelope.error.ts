/**
 * Stable reasons an envelope is refused. The courier uses them as dead-letter reasons and the secretariat counts
 * them, so they are part of the network's contract: add new codes, never rename one.
 */
export type EnvelopeErrorCode =
  | 'MALFORMED'
  | 'WRONG_NETWORK'
  | 'UNKNOWN_SENDER'
  | 'REVOKED_SENDER'
  | 'TAMPERED'
  | 'WRONG_ADDRESSEE'
  | 'DUPLICATE'
  | 'UNDECRYPTABLE'
  | 'UNKNOWN_RECIPIENT';

/**
 * Base of every refusal. Messages may name the envelope id and country codes but never payload content, since
 * they end up in logs and dead-letter records that the secretariat can read.
 */
export abstract class EnvelopeError extends Error {
  abstract readonly code: EnvelopeErrorCode;

  constructor(
    message: string,
    readonly envelopeId?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
