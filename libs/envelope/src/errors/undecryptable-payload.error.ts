import { EnvelopeError } from './envelope.error';

/** The payload cannot be decrypted with this node's encryption key (sealed for another key, or corrupted). */
export class UndecryptablePayloadError extends EnvelopeError {
  readonly code = 'UNDECRYPTABLE' as const;
}
