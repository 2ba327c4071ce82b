import { EnvelopeError } from './envelope.error';

/** The sender's directory entry has been revoked by a trust anchor: nothing it signs is accepted any more. */
export class RevokedSenderError extends EnvelopeError {
  readonly code = 'REVOKED_SENDER' as const;
}
