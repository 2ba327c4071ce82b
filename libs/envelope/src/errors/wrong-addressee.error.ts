import { EnvelopeError } from './envelope.error';

/** The envelope is addressed to another member: only the addressee may open it. */
export class WrongAddresseeError extends EnvelopeError {
  readonly code = 'WRONG_ADDRESSEE' as const;
}
