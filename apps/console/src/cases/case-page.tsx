import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseTimelineEntry } from '../api/node-api.types';
import { ProblemAlert } from '../components/problem-alert';
import { CaseStatusBadge, type CaseProtocol } from './case-status-badge';
import { CaseTimeline } from './case-timeline';

/** What every return and reintegration view shows in the page's frame. */
interface CasePageView {
  readonly id: string;
  readonly direction: 'outgoing' | 'incoming';
  readonly status: string;
  readonly timeline: readonly CaseTimelineEntry[];
}

/**
 * The frame of one case's page: title, status and id, what the last step did, then the case's details and person
 * on one side, its step actions and both sides' timeline on the other. The pages fill in what differs.
 */
export function CasePage({
  protocol,
  title,
  view,
  error,
  done,
  details,
  person,
  actions,
  sharing,
}: {
  protocol: CaseProtocol;
  title: string;
  view: CasePageView | undefined;
  error: unknown;
  /** What the last step did, said once it is taken. */
  done: string | undefined;
  details: ReactNode;
  person: ReactNode;
  actions: ReactNode;
  /** The agency that owns the case and those it is shared with. */
  sharing?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-title">
      <p>
        <Link to="/work">← {t('referral.back')}</Link>
      </p>
      <ProblemAlert error={error} />
      {view ? (
        <>
          <div className="page-head">
            <h1 id="case-title">
              {title} <small>{t(`cases.${protocol}Direction.${view.direction}`)}</small>
            </h1>
            <p className="status-line">
              {t('referral.status')}: <CaseStatusBadge protocol={protocol} status={view.status} />
            </p>
          </div>
          <p className="hint">
            <code data-testid="case-id">{view.id}</code>
          </p>
          {done ? (
            <p role="status" className="notice">
              {done}
            </p>
          ) : null}
          <div className="columns">
            <div>
              <section className="card" aria-labelledby="details-title">
                <h2 id="details-title">{t('cases.details')}</h2>
                {details}
              </section>
              {person}
              {sharing}
            </div>
            <div>
              {actions}
              <section className="card" aria-labelledby="timeline-title">
                <h2 id="timeline-title">{t('referral.timeline')}</h2>
                <CaseTimeline protocol={protocol} entries={view.timeline} />
              </section>
            </div>
          </div>
        </>
      ) : error ? null : (
        <p aria-busy="true">{t('app.loading')}</p>
      )}
    </section>
  );
}
