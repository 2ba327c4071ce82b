import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { NodeApiClient } from '../api/node-api.client';
import {
  INTAKE_OUTCOMES,
  REFERRAL_REASONS,
  SERVICE_TYPES,
  type IntakeReferralRequest,
  type IntakeScreeningOutcome,
  type IntakeView,
  type ReferralReason,
  type ServiceType,
} from '../api/node-api.types';
import { localDateTime } from '../cases/local-time';
import { useConsoleConfig } from '../components/console-config-context';
import { DateTime } from '../components/date-time';
import { ProblemAlert } from '../components/problem-alert';
import { usePolling } from '../components/use-polling';
import type { Session } from '../session/session';
import { CaseSharingCard } from '../cases/case-sharing';
import { MergeIntakeForm } from '../intakes/merge-intake-form';

type NodeSession = Extract<Session, { kind: 'node' }>;

function IntakeDetails({ view }: { view: IntakeView }) {
  const { t } = useTranslation();
  const { person, reporter, indicators } = view;
  const signs = [
    ...(indicators?.typeOfExploitation ?? []),
    ...(indicators?.methodsOfControl ?? []),
    ...(indicators?.methodOfRecruitment ?? []),
  ].map((value) => t(`intake.indicator.${value as 'Other'}`, { defaultValue: value }));
  return (
    <dl className="details">
      <dt>{t('intake.status')}</dt>
      <dd data-testid="intake-status">{t(`intake.statuses.${view.status}`)}</dd>
      <dt>{t('intake.urgency')}</dt>
      <dd>{t(`urgency.${view.urgency}`)}</dd>
      <dt>{t('intake.channel')}</dt>
      <dd>{t(`intake.channels.${view.channel}`)}</dd>
      <dt>{t('intake.recordedAt')}</dt>
      <dd>
        <DateTime value={view.recordedAt} />
      </dd>
      {reporter ? (
        <>
          <dt>{t('intake.reporterSection')}</dt>
          <dd>
            {[
              reporter.relationship ? t(`intake.relationships.${reporter.relationship}`) : undefined,
              reporter.name,
              reporter.contact,
              reporter.organisation,
            ]
              .filter(Boolean)
              .join(' · ')}
          </dd>
        </>
      ) : null}
      {person ? (
        <>
          <dt>{t('intake.personSection')}</dt>
          <dd>
            {[
              person.firstName,
              person.approximateAge !== undefined ? `${t('intake.approximateAge')}: ${person.approximateAge}` : '',
              person.gender ? t(`gender.${person.gender}`) : '',
              person.nationality,
              person.lastKnownPlace,
            ]
              .filter(Boolean)
              .join(' · ')}
          </dd>
        </>
      ) : null}
      {view.believedCountry ? (
        <>
          <dt>{t('intake.believedCountry')}</dt>
          <dd>{view.believedCountry}</dd>
        </>
      ) : null}
      {signs.length > 0 ? (
        <>
          <dt>{t('intake.signsSection')}</dt>
          <dd>{signs.join(', ')}</dd>
        </>
      ) : null}
      {view.situation ? (
        <>
          <dt>{t('intake.situation')}</dt>
          <dd className="pre">{view.situation}</dd>
        </>
      ) : null}
      <dt>{t('intake.consent')}</dt>
      <dd>
        {view.consent
          ? `${view.consent.purpose} (${(view.consent.recipients ?? []).join(', ')})`
          : t('intake.noConsent')}
      </dd>
      {view.screening ? (
        <>
          <dt>{t('intake.screenSection')}</dt>
          <dd>
            {t(`intake.statuses.${view.screening.outcome}`)}
            {view.screening.reason ? ` — ${view.screening.reason}` : ''} (<DateTime value={view.screening.at} />)
          </dd>
        </>
      ) : null}
      {view.case ? (
        <>
          <dt>{t('intake.case')}</dt>
          <dd data-testid="intake-case">
            <Link to={`/${view.case.protocol === 'referral' ? 'referrals' : 'returns'}/${view.case.caseId}`}>
              {t(`intake.merge.${view.case.protocol}`)} {view.case.caseId.slice(0, 8)}
            </Link>
          </dd>
        </>
      ) : null}
      {view.erasedAt ? (
        <>
          <dt>{t('intake.erase')}</dt>
          <dd>{t('intake.erased', { at: view.erasedAt })}</dd>
        </>
      ) : null}
    </dl>
  );
}

function ScreenForm({ session, view, onDone }: { session: NodeSession; view: IntakeView; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<IntakeScreeningOutcome>('presumed-victim');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const body = { outcome, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      await new NodeApiClient(session.country, session.token).screenIntake(view.id, body);
      onDone();
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('intake.screenSection')}</h2>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>{t('intake.outcomeLabel')}</label>
        <select
          id={`${id}-outcome`}
          name="outcome"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as IntakeScreeningOutcome)}
        >
          {INTAKE_OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {t(`intake.statuses.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('intake.reason')}</label>
        <input
          id={`${id}-reason`}
          name="reason"
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <ProblemAlert error={error} />
      <button type="submit" className="primary">
        {t('intake.screen')}
      </button>
    </form>
  );
}

function ReferForm({ session, view }: { session: NodeSession; view: IntakeView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const config = useConsoleConfig();
  const id = useId();
  const [toCountry, setToCountry] = useState(view.believedCountry ?? '');
  const [reason, setReason] = useState<ReferralReason>('AdditionalServicesRequired');
  const [services, setServices] = useState<ServiceType[]>([]);
  const [purpose, setPurpose] = useState('');
  const [recordedAt, setRecordedAt] = useState(localDateTime());
  const [error, setError] = useState<unknown>();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const request: IntakeReferralRequest = {
      toCountry,
      reason,
      servicesRequested: services,
      ...(!view.consent && purpose.trim()
        ? {
            consent: {
              purpose: purpose.trim(),
              scope: ['identity', 'case'],
              recipients: toCountry ? [toCountry] : [],
              recordedAt: new Date(recordedAt).toISOString(),
            },
          }
        : {}),
    };
    try {
      const referral = await new NodeApiClient(session.country, session.token).referIntake(view.id, request);
      void navigate(`/referrals/${referral.id}`);
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('intake.referSection')}</h2>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('intake.toCountry')}</label>
        <select
          id={`${id}-to`}
          name="toCountry"
          required
          value={toCountry}
          onChange={(e) => setToCountry(e.target.value)}
        >
          <option value="">{t('newReferral.choose')}</option>
          {config.countries
            .filter((country) => country !== session.country)
            .map((country) => (
              <option key={country} value={country}>
                {country}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('intake.referralReason')}</label>
        <select
          id={`${id}-reason`}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value as ReferralReason)}
        >
          {REFERRAL_REASONS.map((value) => (
            <option key={value} value={value}>
              {t(`reason.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="checkbox-group">
        <legend>{t('intake.services')}</legend>
        {SERVICE_TYPES.map((service) => (
          <label key={service} className="inline">
            <input
              type="checkbox"
              name="servicesRequested"
              value={service}
              checked={services.includes(service)}
              onChange={(e) =>
                setServices((list) => (e.target.checked ? [...list, service] : list.filter((s) => s !== service)))
              }
            />{' '}
            {t(`service.${service}`)}
          </label>
        ))}
      </fieldset>
      {view.consent ? null : (
        <>
          <div className="field">
            <label htmlFor={`${id}-purpose`}>{t('intake.consentPurpose')}</label>
            <input
              id={`${id}-purpose`}
              name="purpose"
              maxLength={500}
              value={purpose}
              onChange={(e) => setPurpose(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-recorded`}>{t('intake.consentRecordedAt')}</label>
            <input
              id={`${id}-recorded`}
              name="recordedAt"
              type="datetime-local"
              value={recordedAt}
              onChange={(e) => setRecordedAt(e.target.value)}
            />
          </div>
        </>
      )}
      <ProblemAlert error={error} />
      <button type="submit" className="primary">
        {t('intake.refer')}
      </button>
    </form>
  );
}

/** One intake: what the report said, and the step the caller may take now (screen, turn into a referral, erase). */
export function IntakePage({ session }: { session: NodeSession }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => new NodeApiClient(session.country, session.token).getIntake(id, signal),
    [id, session],
  );
  const { data: view, error: loadError, reload } = usePolling(load, 5000);
  const [error, setError] = useState<unknown>();

  async function erase() {
    setError(undefined);
    try {
      await new NodeApiClient(session.country, session.token).eraseIntake(id);
      reload();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section aria-labelledby="intake-title">
      <h1 id="intake-title">{t('intake.viewTitle', { id: id.slice(0, 8) })}</h1>
      <ProblemAlert error={error ?? loadError} />
      {view ? (
        <>
          <IntakeDetails view={view} />
          {/* a hotline operator records and reads intakes, not the node's cases and their sharing */}
          {session.roles.some((role) => role !== 'hotline') ? (
            <CaseSharingCard session={session} caseId={view.id} />
          ) : null}
          {view.allowedActions.includes('screen') ? <ScreenForm session={session} view={view} onDone={reload} /> : null}
          {view.allowedActions.includes('merge') ? (
            <MergeIntakeForm session={session} view={view} onDone={reload} />
          ) : null}
          {view.allowedActions.includes('referral') ? <ReferForm session={session} view={view} /> : null}
          {view.allowedActions.includes('erase') ? (
            <button type="button" onClick={() => void erase()}>
              {t('intake.erase')}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
