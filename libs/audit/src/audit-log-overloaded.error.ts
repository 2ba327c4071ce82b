/** The log has too many entries waiting already (AuditLogStore's MAX_PENDING): this one is refused, not queued. */
export class AuditLogOverloadedError extends Error {
  override readonly name = 'AuditLogOverloadedError';

  constructor(pending: number) {
    super(`the audit log has ${pending} entries waiting; this one is refused`);
  }
}
