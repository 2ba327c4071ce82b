import type { AuditRecordExportQuery } from '../api/node-api.types';

/** What the audit log's filter form holds: '' where the auditor narrows nothing; times as the browser's local time. */
export interface AuditLogForm {
  user: string;
  action: string;
  /** The first instant kept (a datetime-local value, yyyy-mm-ddThh:mm), or ''. */
  from: string;
  /** The instant before which records are kept, or ''. */
  to: string;
}

export const WHOLE_LOG: AuditLogForm = { user: '', action: '', from: '', to: '' };

/** The filters as the node takes them (the list's and the export's): the times as instants, the texts trimmed. */
export type AuditLogFilters = Pick<AuditRecordExportQuery, 'user' | 'action' | 'from' | 'to'>;

export function auditLogFilters(form: AuditLogForm): AuditLogFilters {
  const user = form.user.trim();
  const action = form.action.trim();
  return {
    ...(user && { user }),
    ...(action && { action }),
    ...(form.from && { from: new Date(form.from).toISOString() }),
    ...(form.to && { to: new Date(form.to).toISOString() }),
  };
}

/** Whether the range does not end after it starts: the page says so instead of asking the node (which answers 422). */
export function rangeIsBackwards(form: AuditLogForm): boolean {
  return form.from !== '' && form.to !== '' && new Date(form.to).getTime() <= new Date(form.from).getTime();
}
