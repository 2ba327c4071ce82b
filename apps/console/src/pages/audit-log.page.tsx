import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeApiClient } from '../api/node-api.client';
import type { AuditRecordQuery, AuditRecordView } from '../api/node-api.types';
import {
  WHOLE_LOG,
  auditLogFilters,
  rangeIsBackwards,
  type AuditLogFilters,
  type AuditLogForm,
} from '../audit/audit-log-filters';
import { DateTime } from '../components/date-time';
import { ProblemAlert } from '../components/problem-alert';
import { useFileExport } from '../components/use-file-export';
import type { Session } from '../session/session';
import { usePagedList, type ListPage } from '../work/use-paged-list';

const REFRESH_MS = 10_000;
const PAGE_SIZE = 50;

/**
 * The node's audit log for its auditors, newest first, a page at a time, narrowed to a time range, one user or one
 * action; the records the filters keep can be saved as a CSV file (the node streams it and records the export).
 */
export function AuditLogPage({ session }: { session: Extract<Session, { kind: 'node' }> }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditLogFilters>({});
  const [draft, setDraft] = useState<AuditLogForm>(WHOLE_LOG);
  const backwards = rangeIsBackwards(draft);
  const load = useCallback(
    (cursor: string | undefined, signal: AbortSignal): Promise<ListPage<AuditRecordView>> => {
      const query: AuditRecordQuery = { limit: PAGE_SIZE, ...filters, ...(cursor !== undefined && { cursor }) };
      return new NodeApiClient(session.country, session.token).listAuditRecords(query, signal);
    },
    [session, filters],
  );
  const list = usePagedList(load, REFRESH_MS);
  /** The records the applied filters keep (what the table shows), saved under the name the node gives. */
  const csv = useFileExport(() => new NodeApiClient(session.country, session.token).exportAuditRecords(filters));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (backwards) return;
    setFilters(auditLogFilters(draft));
  };
  const items = list.page?.items ?? [];
  return (
    <section aria-labelledby="audit-title">
      <div className="page-head">
        <h1 id="audit-title">{t('audit.title', { country: session.country })}</h1>
      </div>
      <p>{t('audit.intro')}</p>
      <form className="work-filters" onSubmit={apply} aria-label={t('audit.filters')}>
        <label>
          {t('audit.user')}
          <input
            name="user"
            value={draft.user}
            maxLength={200}
            onChange={(event) => setDraft({ ...draft, user: event.target.value })}
          />
        </label>
        <label>
          {t('audit.action')}
          <input
            name="action"
            value={draft.action}
            maxLength={200}
            onChange={(event) => setDraft({ ...draft, action: event.target.value })}
          />
        </label>
        <label>
          {t('audit.from')}
          <input
            type="datetime-local"
            name="from"
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
        </label>
        <label>
          {t('audit.to')}
          <input
            type="datetime-local"
            name="to"
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
        </label>
        <button type="submit" disabled={backwards}>
          {t('audit.apply')}
        </button>
        <button type="button" data-testid="audit-export" disabled={csv.busy} aria-busy={csv.busy} onClick={csv.start}>
          {csv.busy ? t('audit.exporting') : t('audit.export')}
        </button>
      </form>
      {backwards ? (
        <p className="error" role="alert">
          {t('audit.backwards')}
        </p>
      ) : null}
      <ProblemAlert error={csv.error} />
      {csv.saved ? (
        <p role="status" data-testid="audit-export-saved">
          {t('audit.exported', { fileName: csv.saved })}
        </p>
      ) : null}
      <ProblemAlert error={list.error} />
      {list.loading && !list.page ? <p aria-busy="true">{t('app.loading')}</p> : null}
      {list.page && items.length === 0 ? <p className="empty">{t('audit.empty')}</p> : null}
      {items.length > 0 ? (
        <table className="table" data-testid="audit-records">
          <caption>{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.columns.seq')}</th>
              <th scope="col">{t('audit.columns.at')}</th>
              <th scope="col">{t('audit.columns.user')}</th>
              <th scope="col">{t('audit.columns.action')}</th>
              <th scope="col">{t('audit.columns.resources')}</th>
              <th scope="col">{t('audit.columns.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((record) => (
              <tr key={record.seq} data-seq={record.seq}>
                <td>{record.seq}</td>
                <td>
                  <DateTime value={record.at} />
                </td>
                <td>{record.user ?? t('audit.anonymous')}</td>
                <td>
                  <code>{record.action}</code>
                </td>
                <td>
                  {record.resources.length === 0
                    ? '—'
                    : record.resources.map((resource) => `${resource.type} ${resource.id.slice(0, 8)}`).join(', ')}
                </td>
                <td>{record.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list.hasPrevious || list.hasNext ? (
        <nav className="pager" aria-label={t('audit.pager')}>
          <button type="button" data-page="previous" disabled={!list.hasPrevious} onClick={list.previous}>
            {t('work.pager.previous')}
          </button>
          <span data-testid="page-number">{t('work.pager.page', { number: list.number })}</span>
          <button type="button" data-page="next" disabled={!list.hasNext} onClick={list.next}>
            {t('work.pager.next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
