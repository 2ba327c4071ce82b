import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorApiClient } from '../api/monitor-api.client';
import type { DeadLetter, RedriveReport } from '../api/monitor-api.types';
import { DateTime } from '../components/date-time';
import { ProblemAlert } from '../components/problem-alert';

/** Dead letters with their reasons; supervisors redrive one or many (the monitor audits who did). */
export function DeadLetters({
  items,
  client,
  canRedrive,
  onRedriven,
}: {
  items: readonly DeadLetter[];
  client: MonitorApiClient;
  canRedrive: boolean;
  onRedriven: () => void;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [report, setReport] = useState<RedriveReport>();

  async function redrive(ids: string[]): Promise<void> {
    setError(undefined);
    try {
      const result = await client.redrive(ids);
      setReport(result);
      setSelected([]);
      onRedriven();
    } catch (failure) {
      setError(failure);
    }
  }

  if (items.length === 0) return <p className="empty">{t('secretariat.deadLettersEmpty')}</p>;
  return (
    <>
      <table className="table" data-testid="dead-letters">
        <thead>
          <tr>
            {canRedrive ? <th scope="col">{t('secretariat.redrive')}</th> : null}
            <th scope="col">{t('secretariat.columns.at')}</th>
            <th scope="col">{t('secretariat.columns.country')}</th>
            <th scope="col">{t('secretariat.columns.reason')}</th>
            <th scope="col">{t('secretariat.columns.type')}</th>
            <th scope="col">{t('secretariat.columns.from')}</th>
            <th scope="col">{t('secretariat.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((letter) => (
            <tr key={letter.id}>
              {canRedrive ? (
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('secretariat.select', { id: letter.id })}
                    checked={selected.includes(letter.id)}
                    onChange={(event) =>
                      setSelected((current) =>
                        event.target.checked ? [...current, letter.id] : current.filter((id) => id !== letter.id),
                      )
                    }
                  />
                </td>
              ) : null}
              <td>
                <DateTime value={letter.deadLetteredAt} />
              </td>
              <td>{letter.country}</td>
              <td>
                <code>{letter.reason}</code>
              </td>
              <td>{letter.envelope?.type ?? '—'}</td>
              <td>
                {letter.envelope?.from ?? '—'}
                {letter.envelopeVerified ? null : (
                  <>
                    {' '}
                    <em className="unverified" title={t('secretariat.unverifiedHint')}>
                      ({t('secretariat.unverified')})
                    </em>
                  </>
                )}
              </td>
              <td>
                {letter.status}
                {letter.redriveCount > 0 ? ` (${letter.redriveCount})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canRedrive ? (
        <div className="buttons">
          <button type="button" disabled={selected.length === 0} onClick={() => void redrive(selected)}>
            {t('secretariat.redriveSelected')}
          </button>
        </div>
      ) : null}
      {report ? (
        <p role="status">
          {t('secretariat.redriven', {
            count: report.results.filter((result) => result.outcome === 'redriven').length,
          })}
        </p>
      ) : null}
      <ProblemAlert error={error} />
    </>
  );
}
