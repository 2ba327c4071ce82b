import { useTranslation } from 'react-i18next';
import type { CaseDirection, CaseSide } from '../api/node-api.types';
import { DateTime } from '../components/date-time';
import { caseWaitsOnUs } from '../work/case-due-first';

/** Who the case waits on, when that step is due, and whether it is late. */
export function PendingLine({
  view,
}: {
  view: { pendingOn?: CaseSide; direction: CaseDirection; dueAt?: string; overdue: boolean };
}) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t('work.columns.waitingOn')}</dt>
      <dd data-testid="pending-on">
        {!view.pendingOn ? t('work.nobody') : caseWaitsOnUs(view) ? <strong>{t('work.us')}</strong> : t('work.them')}
      </dd>
      {view.dueAt ? (
        <>
          <dt>{t('work.columns.stepDue')}</dt>
          <dd>
            <DateTime value={view.dueAt} />{' '}
            {view.overdue ? <span className="badge danger">{t('referral.overdue')}</span> : null}
          </dd>
        </>
      ) : null}
    </>
  );
}
