/** The key file cannot be read or does not hold a node's private keys. The message never quotes key material. */
export class InvalidNodeKeysError extends Error {
  constructor(
    readonly path: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Node keys ${path} are invalid: ${reason}`, options);
    this.name = 'InvalidNodeKeysError';
  }
}
