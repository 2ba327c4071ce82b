/**
 * This node cannot use its own encryption key for an envelope sealed for it: the private key file does not import,
 * or the payload is sealed for a key the directory lists as this node's but the node does not hold. The fault is the
 * node's, not the sender's: deliberately not an EnvelopeError, so that the envelope is never refused or
 * dead-lettered for it; the courier stops taking its inbox until the key is fixed. Names key ids, never a key.
 */
export class OwnKeyUnusableError extends Error {
  override readonly name = 'OwnKeyUnusableError';
}
