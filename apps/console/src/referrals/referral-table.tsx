import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReferralSummary } from '../api/node-api.types';
import { DateTime } from '../components/date-time';
import { StatusBadge } from '../components/status-badge';
import { waitsOnUs } from '../work/due-first';

/**
 * One page of referrals, in the node's order. What tells them apart: the person's initials (for users who may see
 * them), the reason and the urgency. An ended referral waits on nobody and has no answer due any more: those
 * columns are left out of the list of ended ones, and show nothing on a row that ended meanwhile.
 */
export function ReferralTable({
  referrals,
  caption,
  stage,
}: {
  referrals: readonly ReferralSummary[];
  caption: string;
  stage: 'open' | 'ended';
}) {
  const { t } = useTranslation();
  if (referrals.length === 0) {
    return (
      <>
        <h2>{caption}</h2>
        <p className="empty">{t('work.empty')}</p>
      </>
    );
  }
  const open = stage === 'open';
  return (
    <table className="table">
      <caption>
        <h2>{caption}</h2>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('work.columns.case')}</th>
          <th scope="col">{t('work.columns.person')}</th>
          <th scope="col">{t('work.columns.counterpart')}</th>
          <th scope="col">{t('work.columns.reason')}</th>
          <th scope="col">{t('work.columns.urgency')}</th>
          <th scope="col">{t('work.columns.status')}</th>
          {open ? <th scope="col">{t('work.columns.due')}</th> : null}
          {open ? <th scope="col">{t('work.columns.waitingOn')}</th> : null}
          <th scope="col">{t('work.columns.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {referrals.map((referral) => {
          const counterpart = referral.direction === 'incoming' ? referral.fromCountry : referral.toCountry;
          const waiting = referral.ended ? null : waitsOnUs(referral);
          return (
            <tr
              key={referral.id}
              data-referral-id={referral.id}
              data-ended={referral.ended ? 'true' : undefined}
              className={referral.overdue ? 'overdue' : undefined}
            >
              <td>
                <Link to={`/referrals/${referral.id}`} aria-label={t('work.open', { id: referral.id })}>
                  <code>{referral.id.slice(0, 8)}</code>
                </Link>
              </td>
              <td data-testid="initials">{referral.initials ?? t('work.nobody')}</td>
              <td>{counterpart}</td>
              <td>{t(`reason.${referral.reason}`)}</td>
              <td>{t(`urgency.${referral.urgency}`)}</td>
              <td>
                <StatusBadge status={referral.status} />
              </td>
              {open ? (
                <td>
                  {referral.ended ? t('work.nobody') : <DateTime value={referral.answerDueAt} />}{' '}
                  {referral.overdue ? <span className="badge danger">{t('work.overdue')}</span> : null}
                </td>
              ) : null}
              {open ? (
                <td>
                  {waiting === null ? t('work.nobody') : waiting ? <strong>{t('work.us')}</strong> : t('work.them')}
                </td>
              ) : null}
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
