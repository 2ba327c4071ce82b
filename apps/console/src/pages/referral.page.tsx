import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NodeApiClient } from '../api/node-api.client';
import { CaseDocuments } from '../cases/case-documents';
import { canAttachDocuments, canUseDocuments } from '../cases/document-roles';
import type { ReferralView } from '../api/node-api.types';
import { DateTime } from '../components/date-time';
import { ProblemAlert } from '../components/problem-alert';
import { StatusBadge } from '../components/status-badge';
import { usePolling } from '../components/use-polling';
import { ReferralActions } from '../referrals/referral-actions';
import { Timeline } from '../referrals/timeline';
import type { Session } from '../session/session';
import { PersonAndConsent } from '../cases/person-consent';
import { CaseSharingCard } from '../cases/case-sharing';

function Details({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  return (
    <dl className="details">
      <dt>{t('referral.from')}</dt>
      <dd>{referral.fromCountry}</dd>
      <dt>{t('referral.to')}</dt>
      <dd>{referral.toCountry}</dd>
      <dt>{t('referral.reason')}</dt>
      <dd>{t(`reason.${referral.reason}`)}</dd>
      {referral.reasonDetails ? (
        <>
          <dt>{t('referral.reasonDetails')}</dt>
          <dd>{referral.reasonDetails}</dd>
        </>
      ) : null}
      <dt>{t('referral.services')}</dt>
      <dd>{referral.servicesRequested.map((service) => t(`service.${service}`)).join(', ')}</dd>
      <dt>{t('referral.urgency')}</dt>
      <dd>{t(`urgency.${referral.urgency}`)}</dd>
      <dt>{t('referral.answerDue')}</dt>
      <dd>
        <DateTime value={referral.answerDueAt} />{' '}
        {referral.overdue ? <span className="badge danger">{t('referral.overdue')}</span> : null}
      </dd>
      {referral.informationRequest ? (
        <>
          <dt>{t('referral.informationRequest')}</dt>
          <dd>{referral.informationRequest}</dd>
        </>
      ) : null}
      {referral.declineReason ? (
        <>
          <dt>{t('referral.declineReason')}</dt>
          <dd>{referral.declineReason}</dd>
        </>
      ) : null}
      {referral.withdrawalReason ? (
        <>
          <dt>{t('referral.withdrawalReason')}</dt>
          <dd>{referral.withdrawalReason}</dd>
        </>
      ) : null}
      {referral.outcome ? (
        <>
          <dt>{t('referral.outcome')}</dt>
          <dd>
            {t(`actions.${referral.outcome.result}`)}
            {referral.outcome.reason ? ` — ${referral.outcome.reason}` : ''}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** One case: its state, details, the person (this node only), the timeline of both sides and the open actions. */
export function ReferralPage({ session }: { session: Extract<Session, { kind: 'node' }> }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = new NodeApiClient(session.country, session.token);
  const load = useCallback(
    (signal: AbortSignal) => new NodeApiClient(session.country, session.token).getReferral(id, signal),
    [session, id],
  );
  const { data, error, reload } = usePolling(load, 3000);
  const [latest, setLatest] = useState<ReferralView>();
  const [done, setDone] = useState<string>();
  const referral = latest && data && Date.parse(latest.updatedAt) > Date.parse(data.updatedAt) ? latest : data;

  return (
    <section aria-labelledby="referral-title">
      <p>
        <Link to="/work">← {t('referral.back')}</Link>
      </p>
      <ProblemAlert error={error} />
      {referral ? (
        <>
          <div className="page-head">
            <h1 id="referral-title">
              {t('referral.title', { id: referral.id.slice(0, 8) })}{' '}
              <small>{t(`referral.direction.${referral.direction}`)}</small>
            </h1>
            <p className="status-line">
              {t('referral.status')}: <StatusBadge status={referral.status} />
            </p>
          </div>
          <p className="hint">
            <code data-testid="referral-id">{referral.id}</code>
          </p>
          {done ? (
            <p role="status" className="notice">
              {done}
            </p>
          ) : null}
          <div className="columns">
            <div>
              <section className="card" aria-labelledby="details-title">
                <h2 id="details-title">{t('newReferral.caseSection')}</h2>
                <Details referral={referral} />
              </section>
              <PersonAndConsent held={referral} defaultRecipients={[referral.toCountry]} />
              {canUseDocuments(session.roles) && !referral.erasure ? (
                <CaseDocuments
                  caseId={referral.id}
                  country={session.country}
                  token={session.token}
                  canAttach={!referral.ended && canAttachDocuments(session.roles)}
                />
              ) : null}
              <CaseSharingCard session={session} caseId={referral.id} />
            </div>
            <div>
              <ReferralActions
                referral={referral}
                client={client}
                onDone={(view) => {
                  setLatest(view);
                  setDone(t('referral.done', { status: t(`status.${view.status}`) }));
                  reload();
                }}
              />
              <section className="card" aria-labelledby="timeline-title">
                <h2 id="timeline-title">{t('referral.timeline')}</h2>
                <Timeline entries={referral.timeline} />
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
