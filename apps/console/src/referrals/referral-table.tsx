import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReferralSummary } from '../api/node-api.types';
import { DateTime } from '../components/date-time';
import { StatusBadge } from '../components/status-badge';
import { dueFirst, waitsOnUs } from '../work/due-first';

/** A list of referrals, what is due first on top. Summaries carry no personal data. */
export function ReferralTable({ referrals, caption }: { referrals: readonly ReferralSummary[]; caption: string }) {
  const { t } = useTranslation();
  if (referrals.length === 0) {
    return (
      <>
        <h2>{caption}</h2>
        <p className="empty">{t('work.empty')}</p>
      </>
    );
  }
  return (
    <table className="table">
      <caption>
        <h2>{caption}</h2>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('work.columns.case')}</th>
          <th scope="col">{t('work.columns.counterpart')}</th>
          <th scope="col">{t('work.columns.status')}</th>
          <th scope="col">{t('work.columns.urgency')}</th>
          <th scope="col">{t('work.columns.due')}</th>
          <th scope="col">{t('work.columns.waitingOn')}</th>
          <th scope="col">{t('work.columns.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {dueFirst(referrals).map((referral) => {
          const counterpart = referral.direction === 'incoming' ? referral.fromCountry : referral.toCountry;
          const ours = waitsOnUs(referral);
          return (
            <tr key={referral.id} data-referral-id={referral.id} className={referral.overdue ? 'overdue' : undefined}>
              <td>
                <Link to={`/referrals/${referral.id}`} aria-label={t('work.open', { id: referral.id })}>
                  <code>{referral.id.slice(0, 8)}</code>
                </Link>
              </td>
              <td>{counterpart}</td>
              <td>
                <StatusBadge status={referral.status} />
              </td>
              <td>{t(`urgency.${referral.urgency}`)}</td>
              <td>
                <DateTime value={referral.answerDueAt} />{' '}
                {referral.overdue ? <span className="badge danger">{t('work.overdue')}</span> : null}
              </td>
              <td>{ours ? <strong>{t('work.us')}</strong> : t('work.them')}</td>
              <td>
                <DateTime value={referral.updatedAt} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
