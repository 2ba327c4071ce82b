import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeApiClient } from '../api/node-api.client';
import { ProblemAlert } from '../components/problem-alert';
import { usePolling } from '../components/use-polling';
import { ReferralTable } from '../referrals/referral-table';
import type { Session } from '../session/session';

/** A country's incoming and outgoing work, what is due first on top; refreshed every few seconds. */
export function WorkPage({ session }: { session: Extract<Session, { kind: 'node' }> }) {
  const { t } = useTranslation();
  const load = useCallback(
    async (signal: AbortSignal) => {
      const client = new NodeApiClient(session.country, session.token);
      const [incoming, outgoing] = await Promise.all([
        client.listReferrals('incoming', signal),
        client.listReferrals('outgoing', signal),
      ]);
      return { incoming: incoming.items, outgoing: outgoing.items };
    },
    [session],
  );
  const { data, error, loading, reload } = usePolling(load, 5000);
  return (
    <section aria-labelledby="work-title">
      <div className="page-head">
        <h1 id="work-title">{t('work.title', { country: session.country })}</h1>
        <button type="button" onClick={reload}>
          {t('app.refresh')}
        </button>
      </div>
      <p className="hint">{t('work.dueFirst')}</p>
      <ProblemAlert error={error} />
      {loading && !data ? <p aria-busy="true">{t('app.loading')}</p> : null}
      {data ? (
        <>
          <div data-testid="incoming">
            <ReferralTable referrals={data.incoming} caption={t('work.incoming')} />
          </div>
          <div data-testid="outgoing">
            <ReferralTable referrals={data.outgoing} caption={t('work.outgoing')} />
          </div>
        </>
      ) : null}
    </section>
  );
}
