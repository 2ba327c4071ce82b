import { EnvelopeError } from './envelope.error';

/** The wire is not a JWS compact serialization of a well-formed envelope, or its opened payload is not JSON. */
export class MalformedEnvelopeError extends EnvelopeError {
  readonly code = 'MALFORMED' as const;
}
