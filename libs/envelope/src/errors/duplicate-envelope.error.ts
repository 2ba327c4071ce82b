import { EnvelopeError } from './envelope.error';

/** An envelope with this id was already received: its effects must happen only once. */
export class DuplicateEnvelopeError extends EnvelopeError {
  readonly code = 'DUPLICATE' as const;
}
