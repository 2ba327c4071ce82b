import { EnvelopeHeader, EnvelopeVerifier } from '@enlace/envelope';
import { EnvelopeFacts } from '../statistics/domain/envelope-facts';

/**
 * Takes from a record only the routing facts of the envelope's signed header. The sealed payload is never opened
 * (the monitor holds no private key), never kept and never logged: only the fields below leave this class.
 */
export class EnvelopeHeaderReader {
  constructor(private readonly verifier: EnvelopeVerifier) {}

  /** Facts of an envelope whose signature holds against the directory; throws an EnvelopeError otherwise. */
  async verifiedFacts(value: Buffer): Promise<EnvelopeFacts> {
    const { header } = await this.verifier.verify(value);
    return factsOf(header);
  }

  /** Facts read without any check, for describing a dead letter; undefined when no header can be read. */
  unverifiedFacts(value: Buffer | null): EnvelopeFacts | undefined {
    if (!value || value.length === 0) return undefined;
    try {
      return factsOf(this.verifier.readHeader(value));
    } catch {
      return undefined;
    }
  }
}

function factsOf(header: EnvelopeHeader): EnvelopeFacts {
  return {
    id: header.id,
    type: header.type,
    from: header.from,
    to: header.to,
    sentAt: new Date(header.sentAt),
    correlationId: header.correlationId,
    caseId: header.caseId,
    ...(header.causationId ? { causationId: header.causationId } : {}),
  };
}
