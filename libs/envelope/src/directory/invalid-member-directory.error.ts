/** The directory file cannot be read or does not describe a network: a node must not start with it. */
export class InvalidMemberDirectoryError extends Error {
  constructor(
    readonly path: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Member directory ${path} is invalid: ${reason}`, options);
    this.name = 'InvalidMemberDirectoryError';
  }
}
