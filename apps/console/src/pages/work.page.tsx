import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeApiClient } from '../api/node-api.client';
import { CaseTable } from '../cases/case-table';
import { ProblemAlert } from '../components/problem-alert';
import { usePolling } from '../components/use-polling';
import { ReferralTable } from '../referrals/referral-table';
import type { Session } from '../session/session';

/** A country's incoming and outgoing work (referrals, returns, reintegrations), what is due first on top; refreshed every few seconds. */
export function WorkPage({ session }: { session: Extract<Session, { kind: 'node' }> }) {
  const { t } = useTranslation();
  const load = useCallback(
    async (signal: AbortSignal) => {
      const client = new NodeApiClient(session.country, session.token);
      const [incoming, outgoing, returnsIn, returnsOut, reintegrationsIn, reintegrationsOut] = await Promise.all([
        client.listReferrals('incoming', signal),
        client.listReferrals('outgoing', signal),
        client.listReturns('incoming', signal),
        client.listReturns('outgoing', signal),
        client.listReintegrations('incoming', signal),
        client.listReintegrations('outgoing', signal),
      ]);
      return {
        incoming: incoming.items,
        outgoing: outgoing.items,
        returnsIn: returnsIn.items,
        returnsOut: returnsOut.items,
        reintegrationsIn: reintegrationsIn.items,
        reintegrationsOut: reintegrationsOut.items,
      };
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
          <section aria-labelledby="returns-title" className="work-section">
            <h2 id="returns-title">{t('work.returns')}</h2>
            <div data-testid="returns-incoming">
              <CaseTable protocol="return" items={data.returnsIn} caption={t('work.incomingReturns')} />
            </div>
            <div data-testid="returns-outgoing">
              <CaseTable protocol="return" items={data.returnsOut} caption={t('work.outgoingReturns')} />
            </div>
          </section>
          <section aria-labelledby="reintegrations-title" className="work-section">
            <h2 id="reintegrations-title">{t('work.reintegrations')}</h2>
            <div data-testid="reintegrations-incoming">
              <CaseTable
                protocol="reintegration"
                items={data.reintegrationsIn}
                caption={t('work.incomingReintegrations')}
              />
            </div>
            <div data-testid="reintegrations-outgoing">
              <CaseTable
                protocol="reintegration"
                items={data.reintegrationsOut}
                caption={t('work.outgoingReintegrations')}
              />
            </div>
          </section>
        </>
      ) : null}
    </section>
  );
}
