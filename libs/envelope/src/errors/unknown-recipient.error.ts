import { EnvelopeError } from './envelope.error';

/** The addressee is not in the directory, or has no encryption key valid now: nothing can be sealed for it. */
export class UnknownRecipientError extends EnvelopeError {
  readonly code = 'UNKNOWN_RECIPIENT' as const;
}
