import { EnvelopeError } from './envelope.error';

/** The signature does not hold, or the payload was sealed for another sender or envelope than the header says. */
export class TamperedEnvelopeError extends EnvelopeError {
  readonly code = 'TAMPERED' as const;
}
