/** A read of personal data could not be recorded in the audit log: it is not served (503). */
export class AuditRecordNotWrittenError extends Error {
  override readonly name = 'AuditRecordNotWrittenError';

  constructor(cause: Error) {
    super('the audit record of a read of personal data could not be written', { cause });
  }
}
