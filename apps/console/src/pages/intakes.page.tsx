import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NodeApiClient } from '../api/node-api.client';
import { DateTime } from '../components/date-time';
import { ProblemAlert } from '../components/problem-alert';
import { usePolling } from '../components/use-polling';
import { canRecordIntakes } from '../intakes/intake-roles';
import type { Session } from '../session/session';

/** The node's intakes, the most recently changed first, without personal data; refreshed every few seconds. */
export function IntakesPage({ session }: { session: Extract<Session, { kind: 'node' }> }) {
  const { t } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) => new NodeApiClient(session.country, session.token).listIntakes(signal),
    [session],
  );
  const { data, error, loading, reload } = usePolling(load, 5000);
  return (
    <section aria-labelledby="intakes-title">
      <div className="page-head">
        <h1 id="intakes-title">{t('intake.listTitle', { country: session.country })}</h1>
        {canRecordIntakes(session.roles) ? <Link to="/intakes/new">{t('nav.newIntake')}</Link> : null}{' '}
        <button type="button" onClick={reload}>
          {t('app.refresh')}
        </button>
      </div>
      <ProblemAlert error={error} />
      {loading && !data ? <p aria-busy="true">{t('app.loading')}</p> : null}
      {data && data.items.length === 0 ? <p className="empty">{t('intake.empty')}</p> : null}
      {data && data.items.length > 0 ? (
        <table className="table" data-testid="intakes">
          <thead>
            <tr>
              <th scope="col">{t('work.columns.case')}</th>
              <th scope="col">{t('intake.status')}</th>
              <th scope="col">{t('intake.urgency')}</th>
              <th scope="col">{t('intake.channel')}</th>
              <th scope="col">{t('work.columns.counterpart')}</th>
              <th scope="col">{t('intake.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((intake) => (
              <tr key={intake.id} data-intake-id={intake.id}>
                <td>
                  <Link to={`/intakes/${intake.id}`}>{intake.id.slice(0, 8)}</Link>
                </td>
                <td>
                  <span className={`badge intake-${intake.status}`}>{t(`intake.statuses.${intake.status}`)}</span>
                </td>
                <td>{t(`urgency.${intake.urgency}`)}</td>
                <td>{t(`intake.channels.${intake.channel}`)}</td>
                <td>{intake.believedCountry ?? '—'}</td>
                <td>
                  <DateTime value={intake.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
