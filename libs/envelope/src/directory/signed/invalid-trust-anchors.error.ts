/** The trust anchors file cannot be read or holds no usable public key: a node must not start with it. */
export class InvalidTrustAnchorsError extends Error {
  constructor(
    readonly path: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Trust anchors ${path} are invalid: ${reason}`, options);
    this.name = 'InvalidTrustAnchorsError';
  }
}
