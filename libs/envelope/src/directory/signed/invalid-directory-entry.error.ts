/**
 * A directory record that is not a valid entry signed by a trust anchor: it is ignored (a node keeps what it knew),
 * and the reason is logged. Messages name the country and key ids, nothing else of the record.
 */
export class InvalidDirectoryEntryError extends Error {
  constructor(
    readonly reason:
      'MALFORMED' | 'UNTRUSTED_SIGNER' | 'BAD_SIGNATURE' | 'CONTRACT_VIOLATION' | 'MISMATCH' | 'UNSIGNED_TOMBSTONE',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'InvalidDirectoryEntryError';
  }
}
