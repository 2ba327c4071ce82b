/**
 * The audit log is sealed with another key than the one this process has (or it has none): appending would break
 * the chain for every verifier, so the process refuses to write, naming the key ids (never a key).
 */
export class AuditKeyMismatchError extends Error {
  override readonly name = 'AuditKeyMismatchError';

  constructor(
    readonly logKeyId: string,
    readonly givenKeyId: string | undefined,
  ) {
    super(
      `the audit log is sealed with the audit key ${logKeyId}, ` +
        (givenKeyId === undefined
          ? 'and no audit key was given (ENLACE_AUDIT_KEY_FILE)'
          : `not with the key given (ENLACE_AUDIT_KEY_FILE, ${givenKeyId}): start with the node's own key file`),
    );
  }
}
