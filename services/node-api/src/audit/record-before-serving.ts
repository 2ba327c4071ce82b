import type { AuditLogStore } from '@enlace/audit';
import type { Request } from 'express';
import { AUDITED_WITH_CHANGE, AuditedRequest, auditEntryOf } from './audit-entry';
import { AuditRecordNotWrittenError } from './audit-record-not-written.error';

/** Appends the read's record (outcome 200) and marks the request recorded; throws when the log cannot take it. */
export async function recordBeforeServing(store: AuditLogStore, request: Request, at: string): Promise<void> {
  try {
    await store.append(auditEntryOf(request, 200, at));
  } catch (error) {
    throw new AuditRecordNotWrittenError(error as Error);
  }
  (request as AuditedRequest)[AUDITED_WITH_CHANGE] = true;
}
