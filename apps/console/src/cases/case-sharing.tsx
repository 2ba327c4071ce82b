import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeApiClient } from '../api/node-api.client';
import type { CaseSharing, NodeAgencies } from '../api/node-api.types';
import { DateTime } from '../components/date-time';
import { ProblemAlert } from '../components/problem-alert';
import { usePolling } from '../components/use-polling';

/**
 * The agency of the node that owns a case (or an intake) and the agencies it is shared with; a supervisor of the
 * owning agency shares it with another agency, with a reason, or takes it back. The node decides again on every
 * call: what the card offers is only what the node would allow.
 */
export function CaseSharingCard({
  session,
  caseId,
}: {
  session: { readonly country: string; readonly token: string; readonly roles: readonly string[] };
  caseId: string;
}) {
  const { t } = useTranslation();
  const client = useMemo(() => new NodeApiClient(session.country, session.token), [session.country, session.token]);
  // The right to share is a supervisor's (case.share); the node checks it again.
  const supervisor = session.roles.includes('supervisor');
  const load = useCallback(
    async (signal: AbortSignal): Promise<{ sharing: CaseSharing; agencies: NodeAgencies }> => {
      const [sharing, agencies] = await Promise.all([client.caseSharing(caseId, signal), client.listAgencies(signal)]);
      return { sharing, agencies };
    },
    [client, caseId],
  );
  const { data, error, reload } = usePolling(load, 10_000);
  const [agency, setAgency] = useState('');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
      setAgency('');
      setReason('');
      reload();
    } catch (problem) {
      setFailure(problem);
    } finally {
      setBusy(false);
    }
  };

  if (!data) return error ? <ProblemAlert error={error} /> : null;
  const { sharing, agencies } = data;
  const mayShare = supervisor && agencies.yours === sharing.owner;
  const candidates = agencies.agencies.filter(
    (candidate) => candidate !== sharing.owner && !sharing.shares.some((share) => share.agency === candidate),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agency && reason.trim()) void act(() => client.shareCase(caseId, agency, reason.trim()));
  };

  return (
    <section className="card" aria-labelledby="sharing-title">
      <h2 id="sharing-title">{t('sharing.title')}</h2>
      <dl className="details">
        <dt>{t('sharing.owner')}</dt>
        <dd data-testid="case-owner">
          {sharing.owner}
          {sharing.owner === agencies.gateway ? ` (${t('sharing.gateway')})` : ''}
        </dd>
      </dl>
      {sharing.shares.length === 0 ? (
        <p className="hint">{t('sharing.none')}</p>
      ) : (
        <ul data-testid="case-shares">
          {sharing.shares.map((share) => (
            <li key={share.agency}>
              <strong>{share.agency}</strong> — {share.reason}{' '}
              <small>
                {t('sharing.by', { user: share.sharedBy })} <DateTime value={share.sharedAt} />
              </small>{' '}
              {mayShare ? (
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() => void act(() => client.unshareCase(caseId, share.agency))}
                >
                  {t('sharing.takeBack', { agency: share.agency })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={failure} />
      {mayShare && candidates.length > 0 ? (
        <form onSubmit={submit} aria-label={t('sharing.formLabel')}>
          <label>
            {t('sharing.agency')}
            <select value={agency} onChange={(event) => setAgency(event.target.value)} required>
              <option value="">—</option>
              {candidates.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {candidate}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('sharing.reason')}
            <input value={reason} onChange={(event) => setReason(event.target.value)} maxLength={1000} required />
          </label>
          <button type="submit" disabled={busy || !agency || !reason.trim()}>
            {t('sharing.share')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
