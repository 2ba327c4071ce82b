import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NodeApiClient } from '../api/node-api.client';
import type { OpenReintegrationRequest, ReturnView } from '../api/node-api.types';
import { ProblemAlert } from '../components/problem-alert';
import type { Session } from '../session/session';
import { speaksAcrossBorder } from './border-roles';
import { localDateTime } from './local-time';

/** Opens the reintegration of a person this country received and handed over, with its own consent. */
export function OpenReintegrationForm({
  session,
  returnView,
}: {
  session: Extract<Session, { kind: 'node' }>;
  returnView: ReturnView;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [share, setShare] = useState(false);
  // Telling the sending country speaks across the border: a focal point's; a supervisor opens one that stays here.
  const mayTellSender = speaksAcrossBorder(session.roles);
  const [purpose, setPurpose] = useState('');
  const [recordedAt, setRecordedAt] = useState(localDateTime());
  const [interval, setInterval] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const labels: Record<string, string> = {
    '/shareWithSender': t('openReintegration.shareWithSender', { country: returnView.fromCountry }),
    '/consent/purpose': t('consent.purpose'),
    '/consent/recordedAt': t('consent.recordedAt'),
    '/followUpIntervalDays': t('openReintegration.interval'),
  };

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const request: OpenReintegrationRequest = {
      returnId: returnView.id,
      shareWithSender: share,
      consent: { purpose: purpose.trim(), recordedAt: new Date(recordedAt).toISOString() },
      ...(interval ? { followUpIntervalDays: Number(interval) } : {}),
    };
    try {
      const opened = await new NodeApiClient(session.country, session.token).openReintegration(request);
      void navigate(`/reintegrations/${opened.id}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('openReintegration.title')}</h2>
      <form className="action-form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${id}-purpose`}>{t('consent.purpose')}</label>
          <input
            id={`${id}-purpose`}
            required
            maxLength={500}
            value={purpose}
            onChange={(event) => setPurpose(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-recorded`}>{t('consent.recordedAt')}</label>
          <input
            id={`${id}-recorded`}
            type="datetime-local"
            required
            value={recordedAt}
            onChange={(event) => setRecordedAt(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-interval`}>{t('openReintegration.interval')}</label>
          <input
            id={`${id}-interval`}
            type="number"
            min={1}
            max={3660}
            value={interval}
            onChange={(event) => setInterval(event.target.value)}
          />
        </div>
        <label className="inline">
          <input
            type="checkbox"
            checked={share}
            disabled={!mayTellSender}
            aria-describedby={mayTellSender ? undefined : `${id}-focal-only`}
            onChange={(event) => setShare(event.target.checked)}
          />{' '}
          {t('openReintegration.shareWithSender', { country: returnView.fromCountry })}
        </label>
        {mayTellSender ? null : (
          <p className="hint" id={`${id}-focal-only`}>
            {t('openReintegration.focalPointOnly', { country: returnView.fromCountry })}
          </p>
        )}
        <ProblemAlert error={error} fieldLabel={(pointer) => labels[pointer] ?? pointer} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t('openReintegration.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
