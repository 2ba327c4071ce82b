import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MonitorApiClient } from '../api/monitor-api.client';
import type { DeadLetterList, DelayReport, FlowReport, NodeHealthList, OverdueList } from '../api/monitor-api.types';
import { useConsoleConfig } from '../components/console-config-context';
import { ProblemAlert } from '../components/problem-alert';
import { usePolling } from '../components/use-polling';
import { CorridorFlowDiagram } from '../secretariat/corridor-flow';
import { CorridorMatrixTable } from '../secretariat/corridor-matrix';
import { corridorMatrix, messageCount } from '../secretariat/corridors';
import {
  FIT_LOOKBACK_MS,
  WINDOW_KEYS,
  fittedWindow,
  fixedWindow,
  fromFirstMessage,
  type DashboardWindow,
  type WindowKey,
} from '../secretariat/dashboard-window';
import { DeadLetters } from '../secretariat/dead-letters';
import { DelayChart } from '../secretariat/delay-chart';
import { NodeHealthTable } from '../secretariat/node-health';
import { OverdueTable } from '../secretariat/overdue-table';
import { RegionalStatistics } from '../secretariat/regional-statistics';
import { useLiveEvents } from '../secretariat/use-live-events';
import type { Session } from '../session/session';
import { VolumeChart } from '../secretariat/volume-chart';

interface Dashboard {
  window: DashboardWindow;
  flows: FlowReport;
  delays: DelayReport;
  overdue: OverdueList;
  deadLetters: DeadLetterList;
  nodes: NodeHealthList;
}

/** The secretariat's view of the network: message headers and counts only, never a person's data. */
export function SecretariatPage({ session }: { session: Extract<Session, { kind: 'secretariat' }> }) {
  const { t, i18n } = useTranslation();
  const config = useConsoleConfig();
  const ids = { window: useId(), corridor: useId() };
  const [windowKey, setWindowKey] = useState<WindowKey>('fit');
  const [corridorKey, setCorridorKey] = useState<string>();
  const client = useMemo(() => new MonitorApiClient(session.token), [session.token]);

  const load = useCallback(
    async (signal: AbortSignal): Promise<Dashboard> => {
      const now = new Date();
      // The fitted window asks the last day by the hour first, to know where the traffic starts.
      const window =
        windowKey === 'fit'
          ? fittedWindow(
              await client.flows(
                { since: new Date(now.getTime() - FIT_LOOKBACK_MS).toISOString(), granularity: 'hour' },
                signal,
              ),
              now,
            )
          : fixedWindow(windowKey, now);
      const query = { since: window.since.toISOString(), granularity: window.granularity };
      const [flows, delays, overdue, deadLetters, nodes] = await Promise.all([
        client.flows(query, signal),
        client.delays(query, signal),
        client.openOverdueAnswers(signal),
        client.deadLetters(100, signal),
        client.nodes(signal),
      ]);
      const charted = windowKey === 'fit' ? fromFirstMessage(flows, delays) : { flows, delays };
      return { window, ...charted, overdue, deadLetters, nodes };
    },
    [client, windowKey],
  );
  const { data, error, reload } = usePolling(load, 10_000);

  // Live events refresh the dashboard, at most once a second.
  const pending = useRef<number | undefined>(undefined);
  const onEvent = useCallback(() => {
    if (pending.current !== undefined) return;
    pending.current = window.setTimeout(() => {
      pending.current = undefined;
      reload();
    }, 1000);
  }, [reload]);
  useEffect(() => () => window.clearTimeout(pending.current), []);
  const live = useLiveEvents(session.token, onEvent);

  const granularity = data?.window.granularity;
  // Minutes by their time of day, hours with their day, days and longer by their date.
  const formatTime = useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', {
        ...(granularity === 'minute' ? {} : { month: 'short', day: 'numeric' }),
        ...(granularity === 'minute' || granularity === 'hour' ? { hour: '2-digit', minute: '2-digit' } : {}),
      }).format(new Date(iso)),
    [i18n.resolvedLanguage, granularity],
  );

  const matrix = data ? corridorMatrix(data.flows, config.countries) : undefined;
  const busiest = data ? [...data.flows.corridors].sort((a, b) => messageCount(b) - messageCount(a))[0] : undefined;
  const selectedKey = corridorKey ?? (busiest ? `${busiest.from}-${busiest.to}` : undefined);
  const selectedDelays = data?.delays.corridors.find((c) => `${c.from}-${c.to}` === selectedKey);

  return (
    <section aria-labelledby="secretariat-title" data-testid="secretariat">
      <div className="page-head">
        <h1 id="secretariat-title">{t('secretariat.title')}</h1>
        <div className="controls">
          <span className={`badge ${live ? 'live' : 'muted'}`} aria-live="polite">
            {live ? `● ${t('secretariat.live')}` : '○'}
          </span>
          <label htmlFor={ids.window}>{t('secretariat.window')}</label>
          <select id={ids.window} value={windowKey} onChange={(event) => setWindowKey(event.target.value as WindowKey)}>
            {WINDOW_KEYS.map((key) => (
              <option key={key} value={key}>
                {key === 'fit' ? t('secretariat.fittedWindow') : t(`secretariat.windows.${key}`)}
              </option>
            ))}
          </select>
          <button type="button" onClick={reload}>
            {t('app.refresh')}
          </button>
        </div>
      </div>
      <p className="hint">{t('secretariat.noPersonalData')}</p>
      <ProblemAlert error={error} />
      {data && matrix ? (
        <>
          <section className="card" aria-labelledby="corridors-title">
            <h2 id="corridors-title">{t('secretariat.corridors')}</h2>
            <div className="columns">
              <CorridorMatrixTable matrix={matrix} />
              <CorridorFlowDiagram matrix={matrix} />
            </div>
          </section>
          <div className="columns">
            <section className="card" aria-labelledby="volume-title">
              <h2 id="volume-title">{t('secretariat.volume')}</h2>
              <VolumeChart report={data.flows} formatTime={formatTime} />
            </section>
            <section className="card" aria-labelledby="delay-title">
              <h2 id="delay-title">{t('secretariat.delay')}</h2>
              {data.delays.corridors.length > 0 ? (
                <div className="field">
                  <label htmlFor={ids.corridor}>{t('secretariat.corridors')}</label>
                  <select
                    id={ids.corridor}
                    value={selectedKey}
                    onChange={(event) => setCorridorKey(event.target.value)}
                  >
                    {data.delays.corridors.map((c) => (
                      <option key={`${c.from}-${c.to}`} value={`${c.from}-${c.to}`}>
                        {c.from} → {c.to}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <DelayChart corridors={data.delays.corridors} selected={selectedDelays} formatTime={formatTime} />
            </section>
          </div>
          <div className="columns">
            <section className="card" aria-labelledby="overdue-title">
              <h2 id="overdue-title">{t('secretariat.overdue')}</h2>
              <OverdueTable items={data.overdue.items} />
            </section>
            <section className="card" aria-labelledby="nodes-title">
              <h2 id="nodes-title">{t('secretariat.nodeHealth')}</h2>
              <NodeHealthTable items={data.nodes.items} />
            </section>
          </div>
          <section className="card" aria-labelledby="regional-statistics-title">
            <h2 id="regional-statistics-title">{t('regionalStatistics.title')}</h2>
            <RegionalStatistics client={client} />
          </section>
          <section className="card" aria-labelledby="dead-letters-title">
            <h2 id="dead-letters-title">{t('secretariat.deadLetters')}</h2>
            <DeadLetters
              items={data.deadLetters.items}
              client={client}
              canRedrive={session.roles.includes('supervisor')}
              onRedriven={reload}
            />
          </section>
        </>
      ) : error ? null : (
        <p aria-busy="true">{t('app.loading')}</p>
      )}
    </section>
  );
}
