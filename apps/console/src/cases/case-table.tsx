import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReintegrationSummary, ReturnSummary } from '../api/node-api.types';
import { DateTime } from '../components/date-time';
import { caseWaitsOnUs } from '../work/case-due-first';
import { CaseStatusBadge, type CaseProtocol } from './case-status-badge';

type Summary = ReturnSummary | ReintegrationSummary;

/**
 * One page of returns or reintegrations, in the node's order, with the person's initials where the user may see
 * them. The list of ended cases leaves out the step due and whom it waits on: nothing waits any more.
 */
export function CaseTable({
  protocol,
  items,
  caption,
  stage,
}: {
  protocol: CaseProtocol;
  items: readonly Summary[];
  caption: string;
  stage: 'open' | 'ended';
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
  const open = stage === 'open';
  return (
    <table className="table" data-protocol={protocol}>
      <caption>
        <h3>{caption}</h3>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('work.columns.case')}</th>
          <th scope="col">{t('work.columns.person')}</th>
          <th scope="col">{t('work.columns.counterpart')}</th>
          <th scope="col">{t('work.columns.status')}</th>
          <th scope="col">{protocol === 'return' ? t('work.columns.child') : t('work.columns.followUps')}</th>
          {open ? <th scope="col">{t('work.columns.stepDue')}</th> : null}
          {open ? <th scope="col">{t('work.columns.waitingOn')}</th> : null}
          <th scope="col">{t('work.columns.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const counterpart = item.direction === 'incoming' ? item.fromCountry : item.toCountry;
          const ours = !item.ended && caseWaitsOnUs(item);
          const waiting = item.ended || !item.pendingOn ? t('work.nobody') : ours ? t('work.us') : t('work.them');
          return (
            <tr
              key={item.id}
              data-case-id={item.id}
              data-ended={item.ended ? 'true' : undefined}
              className={item.overdue ? 'overdue' : undefined}
            >
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
              <td data-testid="initials">{item.initials ?? t('work.nobody')}</td>
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
              {open ? (
                <td>
                  {item.ended ? t('work.nobody') : <DateTime value={item.dueAt} />}{' '}
                  {item.overdue ? <span className="badge danger">{t('work.overdue')}</span> : null}
                </td>
              ) : null}
              {open ? <td>{ours ? <strong>{waiting}</strong> : waiting}</td> : null}
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
