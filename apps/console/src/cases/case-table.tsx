import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReintegrationSummary, ReturnSummary } from '../api/node-api.types';
import { DateTime } from '../components/date-time';
import { caseWaitsOnUs, casesDueFirst } from '../work/case-due-first';
import { CaseStatusBadge, type CaseProtocol } from './case-status-badge';

type Summary = ReturnSummary | ReintegrationSummary;

/** A list of returns or reintegrations, what is due first on top. Summaries carry no personal data. */
export function CaseTable({
  protocol,
  items,
  caption,
}: {
  protocol: CaseProtocol;
  items: readonly Summary[];
  caption: string;
}) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <>
        <h3>{caption}</h3>
        <p className="empty">{t('work.empty')}</p>
      </>
    );
  }
  const route = protocol === 'return' ? 'returns' : 'reintegrations';
  return (
    <table className="table" data-protocol={protocol}>
      <caption>
        <h3>{caption}</h3>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('work.columns.case')}</th>
          <th scope="col">{t('work.columns.counterpart')}</th>
          <th scope="col">{t('work.columns.status')}</th>
          <th scope="col">{protocol === 'return' ? t('work.columns.child') : t('work.columns.followUps')}</th>
          <th scope="col">{t('work.columns.stepDue')}</th>
          <th scope="col">{t('work.columns.waitingOn')}</th>
          <th scope="col">{t('work.columns.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {casesDueFirst(items).map((item) => {
          const counterpart = item.direction === 'incoming' ? item.fromCountry : item.toCountry;
          const waiting = !item.pendingOn ? t('work.nobody') : caseWaitsOnUs(item) ? t('work.us') : t('work.them');
          return (
            <tr key={item.id} data-case-id={item.id} className={item.overdue ? 'overdue' : undefined}>
              <td>
                <Link
                  to={`/${route}/${item.id}`}
                  aria-label={t(protocol === 'return' ? 'work.openReturn' : 'work.openReintegration', {
                    id: item.id,
                  })}
                >
                  <code>{item.id.slice(0, 8)}</code>
                </Link>
              </td>
              <td>{counterpart}</td>
              <td>
                <CaseStatusBadge protocol={protocol} status={item.status} />
              </td>
              <td>
                {'isChild' in item
                  ? item.isChild
                    ? item.unaccompanied
                      ? t('cases.unaccompanied')
                      : t('cases.child')
                    : t('cases.adult')
                  : item.followUpCount}
              </td>
              <td>
                <DateTime value={item.dueAt} />{' '}
                {item.overdue ? <span className="badge danger">{t('work.overdue')}</span> : null}
              </td>
              <td>{caseWaitsOnUs(item) ? <strong>{waiting}</strong> : waiting}</td>
              <td>
                <DateTime value={item.updatedAt} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
