import { useEffect, useState } from 'react';
import { NodeApiClient } from '../api/node-api.client';
import type { NodeAgencies } from '../api/node-api.types';
import { useTranslation } from 'react-i18next';
import { useConsoleConfig } from '../components/console-config-context';
import { HtcdsExportPanel } from '../exports/htcds-export-panel';
import type { Session } from '../session/session';
import { WorkFilterBar } from '../work/work-filter-bar';
import { NO_FILTERS, type WorkFilters } from '../work/work-filters';
import { WorkList } from '../work/work-list';

/**
 * A country's incoming and outgoing work (referrals, returns, reintegrations): open cases, nearest due first, or
 * ended ones apart; each list a page at a time from the node, filtered and searched by the node.
 */
export function WorkPage({ session }: { session: Extract<Session, { kind: 'node' }> }) {
  const { t } = useTranslation();
  const { countries } = useConsoleConfig();
  const [filters, setFilters] = useState<WorkFilters>(NO_FILTERS);
  // The node's agencies change only with its settings: read once, for the agency filter (none shown if it fails).
  const [agencies, setAgencies] = useState<NodeAgencies>();
  useEffect(() => {
    const controller = new AbortController();
    new NodeApiClient(session.country, session.token)
      .listAgencies(controller.signal)
      .then(setAgencies)
      .catch(() => undefined);
    return () => controller.abort();
  }, [session.country, session.token]);
  const list = (protocol: 'referral' | 'return' | 'reintegration', direction: 'incoming' | 'outgoing') => ({
    session,
    protocol,
    direction,
    filters,
  });
  return (
    <section aria-labelledby="work-title">
      <div className="page-head">
        <h1 id="work-title">{t('work.title', { country: session.country })}</h1>
      </div>
      <WorkFilterBar
        value={filters}
        onChange={setFilters}
        countries={countries.filter((country) => country !== session.country)}
        agencies={agencies?.agencies ?? []}
      />
      <p className="hint">{filters.stage === 'open' ? t('work.dueFirst') : t('work.endedFirst')}</p>
      <WorkList {...list('referral', 'incoming')} caption={t('work.incoming')} testId="incoming" />
      <WorkList {...list('referral', 'outgoing')} caption={t('work.outgoing')} testId="outgoing" />
      <section aria-labelledby="returns-title" className="work-section">
        <h2 id="returns-title">{t('work.returns')}</h2>
        <WorkList {...list('return', 'incoming')} caption={t('work.incomingReturns')} testId="returns-incoming" />
        <WorkList {...list('return', 'outgoing')} caption={t('work.outgoingReturns')} testId="returns-outgoing" />
      </section>
      <section aria-labelledby="reintegrations-title" className="work-section">
        <h2 id="reintegrations-title">{t('work.reintegrations')}</h2>
        <WorkList
          {...list('reintegration', 'incoming')}
          caption={t('work.incomingReintegrations')}
          testId="reintegrations-incoming"
        />
        <WorkList
          {...list('reintegration', 'outgoing')}
          caption={t('work.outgoingReintegrations')}
          testId="reintegrations-outgoing"
        />
      </section>
      <HtcdsExportPanel session={session} />
    </section>
  );
}
