import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeApiClient } from '../api/node-api.client';
import type { IntakeView } from '../api/node-api.types';
import { ProblemAlert } from '../components/problem-alert';

/** A case the intake may join: a referral or a return of this node the user may read. */
interface MergeCandidate {
  readonly protocol: 'referral' | 'return';
  readonly id: string;
  readonly counterpart: string;
  readonly status: string;
  readonly initials?: string;
}

/** How many cases of each protocol a search shows: the supervisor narrows the search rather than pages. */
const CANDIDATES_PER_PROTOCOL = 10;

/**
 * Merging an intake into the case of the same person, keyboard first: the search (a name or a case id, run by the
 * node over the cases the user's agency may read) is a form Enter submits; the cases found are one radio group the
 * arrow keys walk; the merge is the form's submit button. The node checks again that the case may be read.
 */
export function MergeIntakeForm({
  session,
  view,
  onDone,
}: {
  session: { readonly country: string; readonly token: string };
  view: IntakeView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState(view.person?.firstName ?? '');
  const [candidates, setCandidates] = useState<readonly MergeCandidate[] | undefined>();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function find(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setChosen('');
    const q = search.trim();
    if (q.length < 2) return;
    const client = new NodeApiClient(session.country, session.token);
    try {
      const query = { q, stage: 'open' as const, limit: CANDIDATES_PER_PROTOCOL };
      const [referrals, returns] = await Promise.all([client.listReferrals(query), client.listReturns(query)]);
      setCandidates([
        ...referrals.items.map((item) => candidateOf('referral', item, session.country)),
        ...returns.items.map((item) => candidateOf('return', item, session.country)),
      ]);
    } catch (failure) {
      setError(failure);
    }
  }

  async function merge(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(undefined);
    try {
      await new NodeApiClient(session.country, session.token).mergeIntake(view.id, chosen);
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="merge-intake">
      <h2 id={`${id}-title`}>{t('intake.merge.title')}</h2>
      <p className="hint">{t('intake.merge.hint')}</p>
      <form role="search" onSubmit={(e) => void find(e)} aria-label={t('intake.merge.searchLabel')}>
        <div className="field">
          <label htmlFor={`${id}-search`}>{t('intake.merge.search')}</label>
          <input
            id={`${id}-search`}
            type="search"
            name="q"
            minLength={2}
            maxLength={120}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <button type="submit">{t('intake.merge.find')}</button>
      </form>
      {candidates ? (
        <form onSubmit={(e) => void merge(e)}>
          {candidates.length === 0 ? (
            <p role="status">{t('intake.merge.none')}</p>
          ) : (
            <fieldset className="radio-group">
              <legend>{t('intake.merge.choose', { count: candidates.length })}</legend>
              {candidates.map((candidate) => (
                <label key={candidate.id} className="inline">
                  <input
                    type="radio"
                    name="caseId"
                    value={candidate.id}
                    checked={chosen === candidate.id}
                    onChange={() => setChosen(candidate.id)}
                  />{' '}
                  {t(`intake.merge.${candidate.protocol}`)} {candidate.id.slice(0, 8)} · {candidate.counterpart} ·{' '}
                  {candidate.protocol === 'referral'
                    ? t(`status.${candidate.status as 'sent'}`, { defaultValue: candidate.status })
                    : t(`returnStatus.${candidate.status as 'requested'}`, { defaultValue: candidate.status })}
                  {candidate.initials ? ` · ${candidate.initials}` : ''}
                </label>
              ))}
            </fieldset>
          )}
          <ProblemAlert error={error} />
          {candidates.length > 0 ? (
            <button type="submit" className="primary" disabled={!chosen || busy}>
              {t('intake.merge.submit')}
            </button>
          ) : null}
        </form>
      ) : (
        <ProblemAlert error={error} />
      )}
    </section>
  );
}

function candidateOf(
  protocol: MergeCandidate['protocol'],
  item: { id: string; fromCountry: string; toCountry: string; status: string; initials?: string },
  country: string,
): MergeCandidate {
  return {
    protocol,
    id: item.id,
    counterpart: item.fromCountry === country ? item.toCountry : item.fromCountry,
    status: item.status,
    ...(item.initials ? { initials: item.initials } : {}),
  };
}
