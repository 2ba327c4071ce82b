import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NodeApiClient } from '../api/node-api.client';
import type { ReintegrationView } from '../api/node-api.types';
import { CaseDocuments } from '../cases/case-documents';
import { CasePage } from '../cases/case-page';
import { CaseSharingCard } from '../cases/case-sharing';
import { canUseDocuments } from '../cases/document-roles';
import { PendingLine } from '../cases/pending-line';
import { PersonAndConsent } from '../cases/person-consent';
import { StepActions } from '../cases/step-actions';
import { REINTEGRATION_STEP_FORMS } from '../cases/step-forms';
import { useCaseView } from '../cases/use-case-view';
import { DateTime } from '../components/date-time';
import type { Session } from '../session/session';

/** A free-form record of the view (risk review, closure, re-referral): its reason or outcome, and when. */
function Record({ label, value }: { label: string; value?: object }) {
  const { t } = useTranslation();
  if (!value) return null;
  const entry = value as { reason?: string; outcome?: string; at?: string };
  const words = [entry.outcome, entry.reason]
    .filter((text): text is string => typeof text === 'string')
    .map((text) => t(`steps.option.${text}` as 'steps.option.safe', { defaultValue: text }));
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {words.join(' — ')} {entry.at ? <DateTime value={entry.at} /> : null}
      </dd>
    </>
  );
}

function ReintegrationDetails({ view }: { view: ReintegrationView }) {
  const { t } = useTranslation();
  return (
    <dl className="details">
      <dt>{t('referral.from')}</dt>
      <dd>{view.fromCountry}</dd>
      <dt>{t('referral.to')}</dt>
      <dd>{view.toCountry}</dd>
      <PendingLine view={view} />
      <dt>{t('cases.arrivedAt')}</dt>
      <dd>
        <DateTime value={view.arrivedAt} />
      </dd>
      <dt>{t('cases.planDue')}</dt>
      <dd>
        <DateTime value={view.planDueAt} />
      </dd>
      {view.plan ? (
        <>
          <dt>{t('cases.plan')}</dt>
          <dd>
            {view.plan.supportTypes.map((type) => t(`service.${type}`)).join(', ')} — {t('cases.plannedEnd')}{' '}
            <DateTime value={view.plan.plannedEndDate} />
            {view.plan.agreedLate ? <span className="badge danger">{t('cases.agreedLate')}</span> : null}
          </dd>
        </>
      ) : null}
      <dt>{t('cases.followUps')}</dt>
      <dd>
        {t('cases.followUpSummary', { count: view.followUpCount, days: view.followUpIntervalDays })}
        {view.nextFollowUpDueAt ? (
          <>
            {' '}
            — {t('cases.nextFollowUp')} <DateTime value={view.nextFollowUpDueAt} />
          </>
        ) : null}
      </dd>
      {view.lastFollowUp ? (
        <>
          <dt>{t('cases.lastFollowUp')}</dt>
          <dd>
            #{view.lastFollowUp.sequence}:{' '}
            {t(`steps.option.${view.lastFollowUp.wellbeing}` as 'steps.option.stable', {
              defaultValue: view.lastFollowUp.wellbeing,
            })}
            {view.lastFollowUp.signsOfRetrafficking ? (
              <span className="badge danger">{t('steps.field.signsOfRetrafficking')}</span>
            ) : null}
          </dd>
        </>
      ) : null}
      <dt>{t('cases.shareWithSender')}</dt>
      <dd>{view.shareWithSender ? t('cases.yes') : t('cases.no')}</dd>
      <Record label={t('cases.riskReview')} {...(view.riskReview ? { value: view.riskReview } : {})} />
      <Record label={t('cases.closure')} {...(view.closure ? { value: view.closure } : {})} />
      <Record label={t('cases.reReferral')} {...(view.reReferral ? { value: view.reReferral } : {})} />
      {view.links?.returnId ? (
        <>
          <dt>{t('cases.return')}</dt>
          <dd>
            <Link to={`/returns/${view.links.returnId}`}>
              <code>{view.links.returnId.slice(0, 8)}</code>
            </Link>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** One reintegration: plan, follow-ups, its documents, both sides' timeline and the steps open now. */
export function ReintegrationPage({ session }: { session: Extract<Session, { kind: 'node' }> }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => new NodeApiClient(session.country, session.token).getReintegration(id, signal),
    [session, id],
  );
  const { view, error, stepped } = useCaseView(load);
  const [done, setDone] = useState<string>();

  return (
    <CasePage
      protocol="reintegration"
      title={view ? t('cases.reintegrationTitle', { id: view.id.slice(0, 8) }) : ''}
      view={view}
      error={error}
      done={done}
      details={view ? <ReintegrationDetails view={view} /> : null}
      person={
        view ? (
          <>
            <PersonAndConsent held={view} defaultRecipients={[]} absent={t('cases.personOnReturn')} />
            {canUseDocuments(session.roles) && !view.erasure ? (
              <CaseDocuments caseId={view.id} country={session.country} token={session.token} canAttach={!view.ended} />
            ) : null}
          </>
        ) : null
      }
      sharing={view ? <CaseSharingCard session={session} caseId={view.id} /> : null}
      actions={
        view ? (
          <StepActions
            protocol="reintegration"
            allowedSteps={view.allowedSteps}
            forms={REINTEGRATION_STEP_FORMS}
            followUpCount={view.followUpCount}
            take={async (step, body) => {
              const next = await new NodeApiClient(session.country, session.token).reintegrationStep(
                view.id,
                step,
                body,
              );
              stepped(next);
              setDone(t('referral.done', { status: t(`reintegrationStatus.${next.status}`) }));
            }}
          />
        ) : null
      }
    />
  );
}
