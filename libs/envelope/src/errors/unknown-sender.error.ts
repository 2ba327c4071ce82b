import { EnvelopeError } from './envelope.error';

/** The sender, or the signing key it names, is not in the directory or not valid at the time sent or now. */
export class UnknownSenderError extends EnvelopeError {
  readonly code = 'UNKNOWN_SENDER' as const;
}
