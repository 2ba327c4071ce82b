import { EnvelopeError } from './envelope.error';

/** The envelope belongs to another network than the one this node is a member of. */
export class WrongNetworkError extends EnvelopeError {
  readonly code = 'WRONG_NETWORK' as const;
}
