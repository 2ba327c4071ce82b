import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NodeApiClient } from '../api/node-api.client';
import { CaseDocuments } from '../cases/case-documents';
import { canAttachDocuments, canUseDocuments } from '../cases/document-roles';
import { canOpenReintegration } from '../cases/border-roles';
import type { ReturnView } from '../api/node-api.types';
import { CasePage } from '../cases/case-page';
import { CaseSharingCard } from '../cases/case-sharing';
import { OpenReintegrationForm } from '../cases/open-reintegration-form';
import { PendingLine } from '../cases/pending-line';
import { PersonAndConsent } from '../cases/person-consent';
import { StepActions } from '../cases/step-actions';
import { RETURN_STEP_FORMS } from '../cases/step-forms';
import { useCaseView } from '../cases/use-case-view';
import { DateTime } from '../components/date-time';
import type { Session } from '../session/session';

type Finding = { result: string; reason?: string; at: string };

function FindingRow({ label, finding }: { label: string; finding?: Finding }) {
  const { t } = useTranslation();
  if (!finding) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {t(`steps.option.${finding.result}` as 'steps.option.safe', { defaultValue: finding.result })}
        {finding.reason ? ` — ${finding.reason}` : ''} (<DateTime value={finding.at} />)
      </dd>
    </>
  );
}

function At({ label, value }: { label: string; value?: string }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <DateTime value={value} />
      </dd>
    </>
  );
}

function ReturnDetails({ view }: { view: ReturnView }) {
  const { t } = useTranslation();
  const safeguards = (list: readonly string[]) =>
    list.map((item) => t(`cases.safeguard.${item as 'guardian'}`)).join(', ');
  return (
    <dl className="details">
      <dt>{t('referral.from')}</dt>
      <dd>{view.fromCountry}</dd>
      <dt>{t('referral.to')}</dt>
      <dd>{view.toCountry}</dd>
      <dt>{t('cases.person')}</dt>
      <dd>{view.isChild ? (view.unaccompanied ? t('cases.unaccompanied') : t('cases.child')) : t('cases.adult')}</dd>
      <PendingLine view={view} />
      <At label={t('cases.informedDecision')} value={view.informedDecisionRecordedAt} />
      <At label={t('cases.requestedAt')} value={view.requestedAt} />
      <FindingRow label={t('cases.nationality')} finding={view.nationality} />
      <FindingRow label={t('cases.riskAssessment')} finding={view.riskAssessment} />
      <At label={t('cases.guardianAppointedAt')} value={view.guardianAppointedAt} />
      <FindingRow label={t('cases.bestInterests')} finding={view.bestInterests} />
      <FindingRow label={t('cases.familyAssessment')} finding={view.familyAssessment} />
      {view.missingSafeguards && view.missingSafeguards.length > 0 ? (
        <>
          <dt>{t('cases.missingSafeguards')}</dt>
          <dd data-testid="missing-safeguards">{safeguards(view.missingSafeguards)}</dd>
        </>
      ) : null}
      {view.barredBy && view.barredBy.length > 0 ? (
        <>
          <dt>{t('cases.barredBy')}</dt>
          <dd>{safeguards(view.barredBy)}</dd>
        </>
      ) : null}
      <At label={t('cases.planProposedAt')} value={view.receptionPlanProposedAt} />
      <At label={t('cases.planConfirmedAt')} value={view.receptionPlanConfirmedAt} />
      <At label={t('cases.documentsIssuedAt')} value={view.travelDocumentsIssuedAt} />
      {view.travel ? (
        <>
          <dt>{t('cases.travel')}</dt>
          <dd>
            <DateTime value={view.travel.travelDate} /> — {view.travel.route}
            {view.travel.escort
              ? ` — ${t('cases.escort')}: ${t(`escortRole.${view.travel.escort.role}`)}${
                  view.travel.escort.organisation ? ` (${view.travel.escort.organisation})` : ''
                }`
              : ''}
          </dd>
        </>
      ) : null}
      <At label={t('cases.departedAt')} value={view.departedAt} />
      <At label={t('cases.arrivedAt')} value={view.arrivedAt} />
      <At label={t('cases.handedOverAt')} value={view.handedOverAt} />
      {view.suspension ? (
        <>
          <dt>{t('cases.suspension')}</dt>
          <dd>{view.suspension.holds.map((hold) => `${t(`referral.side.${hold.by}`)}: ${hold.reason}`).join('; ')}</dd>
        </>
      ) : null}
      {view.cancellationReason ? (
        <>
          <dt>{t('cases.cancellationReason')}</dt>
          <dd>{view.cancellationReason}</dd>
        </>
      ) : null}
      {view.links?.reintegrationId ? (
        <>
          <dt>{t('cases.reintegration')}</dt>
          <dd>
            <Link to={`/reintegrations/${view.links.reintegrationId}`}>
              <code>{view.links.reintegrationId.slice(0, 8)}</code>
            </Link>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** One return: its state, findings, the person (this node only), both sides' timeline and the steps open now. */
export function ReturnPage({ session }: { session: Extract<Session, { kind: 'node' }> }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => new NodeApiClient(session.country, session.token).getReturn(id, signal),
    [session, id],
  );
  const { view, error, stepped } = useCaseView(load);
  const [done, setDone] = useState<string>();

  return (
    <CasePage
      protocol="return"
      title={view ? t('cases.returnTitle', { id: view.id.slice(0, 8) }) : ''}
      view={view}
      error={error}
      done={done}
      details={view ? <ReturnDetails view={view} /> : null}
      person={
        view ? (
          <>
            <PersonAndConsent held={view} defaultRecipients={[view.toCountry]} />
            {canUseDocuments(session.roles) && !view.erasure ? (
              <CaseDocuments
                caseId={view.id}
                country={session.country}
                token={session.token}
                canAttach={!view.ended && canAttachDocuments(session.roles)}
              />
            ) : null}
          </>
        ) : null
      }
      sharing={view ? <CaseSharingCard session={session} caseId={view.id} /> : null}
      actions={
        view ? (
          <>
            <StepActions
              protocol="return"
              allowedSteps={view.allowedSteps}
              forms={RETURN_STEP_FORMS}
              take={async (step, body) => {
                const next = await new NodeApiClient(session.country, session.token).returnStep(view.id, step, body);
                stepped(next);
                setDone(t('referral.done', { status: t(`returnStatus.${next.status}`) }));
              }}
            />
            {view.direction === 'incoming' &&
            view.status === 'handed-over' &&
            !view.links?.reintegrationId &&
            canOpenReintegration(session.roles) ? (
              <OpenReintegrationForm session={session} returnView={view} />
            ) : null}
          </>
        ) : null
      }
    />
  );
}
