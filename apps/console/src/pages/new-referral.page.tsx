import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NodeApiClient } from '../api/node-api.client';
import {
  GENDERS,
  REFERRAL_REASONS,
  SERVICE_TYPES,
  URGENCIES,
  type CreateReferralRequest,
  type GenderInput,
  type ReferralReason,
  type ServiceType,
  type Urgency,
} from '../api/node-api.types';
import { useConsoleConfig } from '../components/console-config-context';
import { ProblemAlert } from '../components/problem-alert';
import type { Session } from '../session/session';
import { ConsentFieldset } from '../cases/consent-fieldset';

/** A datetime-local value (the browser's local time) for now. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

interface Draft {
  toCountry: string;
  reason: ReferralReason | '';
  reasonDetails: string;
  services: ServiceType[];
  urgency: Urgency;
  firstName: string;
  middleName: string;
  secondName: string;
  birthdate: string;
  gender: GenderInput | '';
  nationality: string;
  purpose: string;
  scope: string[];
  recordedAt: string;
  expiresAt: string;
  confirmed: boolean;
}

/** The request the node API expects, leaving out what the user left empty. */
function toRequest(draft: Draft): CreateReferralRequest {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const person: CreateReferralRequest['person'] = { firstName: draft.firstName.trim() };
  const middleName = optional(draft.middleName);
  const secondName = optional(draft.secondName);
  const nationality = optional(draft.nationality)?.toUpperCase();
  if (middleName) person.middleName = middleName;
  if (secondName) person.secondName = secondName;
  if (draft.birthdate) person.birthdate = draft.birthdate;
  if (draft.gender) person.gender = draft.gender;
  if (nationality) person.nationality = nationality;
  const consent: CreateReferralRequest['consent'] = {
    purpose: draft.purpose.trim(),
    scope: draft.scope,
    recipients: [draft.toCountry],
    recordedAt: new Date(draft.recordedAt).toISOString(),
  };
  if (draft.expiresAt) consent.expiresAt = new Date(draft.expiresAt).toISOString();
  const request: CreateReferralRequest = {
    toCountry: draft.toCountry,
    reason: draft.reason as ReferralReason,
    servicesRequested: draft.services,
    urgency: draft.urgency,
    person,
    consent,
  };
  const reasonDetails = optional(draft.reasonDetails);
  if (reasonDetails) request.reasonDetails = reasonDetails;
  return request;
}

export function NewReferralPage({ session }: { session: Extract<Session, { kind: 'node' }> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const config = useConsoleConfig();
  const id = useId();
  const [draft, setDraft] = useState<Draft>({
    toCountry: '',
    reason: '',
    reasonDetails: '',
    services: [],
    urgency: 'medium',
    firstName: '',
    middleName: '',
    secondName: '',
    birthdate: '',
    gender: '',
    nationality: '',
    purpose: '',
    scope: ['identity'],
    recordedAt: localNow(),
    expiresAt: '',
    confirmed: false,
  });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const toggle = <T extends string>(list: T[], value: T, on: boolean): T[] =>
    on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);

  // Field errors name JSON Pointers; show them with the form's own labels.
  const fieldLabel = (pointer: string): string => {
    const labels: Record<string, string> = {
      '/toCountry': t('newReferral.toCountry'),
      '/reason': t('referral.reason'),
      '/reasonDetails': t('referral.reasonDetails'),
      '/servicesRequested': t('referral.services'),
      '/urgency': t('referral.urgency'),
      '/consent/purpose': t('consent.purpose'),
      '/consent/scope': t('consent.scope'),
      '/consent/recipients': t('consent.recipients'),
      '/consent/recordedAt': t('consent.recordedAt'),
      '/consent/expiresAt': t('consent.expiresAt'),
    };
    const personField = /^\/person\/(\w+)$/.exec(pointer)?.[1];
    if (
      personField &&
      ['firstName', 'middleName', 'secondName', 'birthdate', 'gender', 'nationality'].includes(personField)
    )
      return t(`person.${personField as 'firstName'}`);
    return labels[pointer] ?? pointer;
  };

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await new NodeApiClient(session.country, session.token).createReferral(toRequest(draft));
      void navigate(`/referrals/${created.id}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const f = (name: string) => `${id}-${name}`;
  return (
    <section aria-labelledby="new-referral-title">
      <h1 id="new-referral-title">{t('newReferral.title')}</h1>
      <form className="referral-form" onSubmit={(event) => void submit(event)} noValidate={false}>
        <fieldset className="card">
          <legend>{t('newReferral.caseSection')}</legend>
          <div className="field">
            <label htmlFor={f('to')}>{t('newReferral.toCountry')}</label>
            <select
              id={f('to')}
              name="toCountry"
              required
              value={draft.toCountry}
              onChange={(e) => set('toCountry', e.target.value)}
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
            <label htmlFor={f('reason')}>{t('referral.reason')}</label>
            <select
              id={f('reason')}
              name="reason"
              required
              value={draft.reason}
              onChange={(e) => set('reason', e.target.value as ReferralReason)}
            >
              <option value="">{t('newReferral.choose')}</option>
              {REFERRAL_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`reason.${reason}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={f('details')}>{t('referral.reasonDetails')}</label>
            <textarea
              id={f('details')}
              name="reasonDetails"
              rows={3}
              maxLength={2000}
              value={draft.reasonDetails}
              onChange={(e) => set('reasonDetails', e.target.value)}
            />
          </div>
          <fieldset>
            <legend>{t('referral.services')}</legend>
            <div className="checks">
              {SERVICE_TYPES.map((service) => (
                <label key={service} className="inline">
                  <input
                    type="checkbox"
                    name="servicesRequested"
                    value={service}
                    checked={draft.services.includes(service)}
                    onChange={(e) => set('services', toggle(draft.services, service, e.target.checked))}
                  />{' '}
                  {t(`service.${service}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={f('urgency')}>{t('referral.urgency')}</label>
            <select
              id={f('urgency')}
              name="urgency"
              value={draft.urgency}
              onChange={(e) => set('urgency', e.target.value as Urgency)}
            >
              {URGENCIES.map((urgency) => (
                <option key={urgency} value={urgency}>
                  {t(`urgency.${urgency}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('newReferral.personSection')}</legend>
          <div className="grid">
            <div className="field">
              <label htmlFor={f('firstName')}>{t('person.firstName')}</label>
              <input
                id={f('firstName')}
                name="firstName"
                required
                maxLength={100}
                value={draft.firstName}
                onChange={(e) => set('firstName', e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={f('middleName')}>{t('person.middleName')}</label>
              <input
                id={f('middleName')}
                name="middleName"
                maxLength={100}
                value={draft.middleName}
                onChange={(e) => set('middleName', e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={f('secondName')}>{t('person.secondName')}</label>
              <input
                id={f('secondName')}
                name="secondName"
                maxLength={100}
                value={draft.secondName}
                onChange={(e) => set('secondName', e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={f('birthdate')}>{t('person.birthdate')}</label>
              <input
                id={f('birthdate')}
                name="birthdate"
                type="date"
                value={draft.birthdate}
                onChange={(e) => set('birthdate', e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={f('gender')}>{t('person.gender')}</label>
              <select
                id={f('gender')}
                name="gender"
                value={draft.gender}
                onChange={(e) => set('gender', e.target.value as GenderInput)}
              >
                <option value="">{t('newReferral.choose')}</option>
                {GENDERS.map((gender) => (
                  <option key={gender} value={gender}>
                    {t(`gender.${gender as 'Feminine'}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={f('nationality')}>{t('person.nationality')}</label>
              <input
                id={f('nationality')}
                name="nationality"
                maxLength={2}
                pattern="[A-Za-z]{2}"
                value={draft.nationality}
                onChange={(e) => set('nationality', e.target.value)}
              />
            </div>
          </div>
        </fieldset>

        <ConsentFieldset
          draft={draft}
          recipient={draft.toCountry}
          onChange={(change) => setDraft((current) => ({ ...current, ...change }))}
          fieldId={f}
          confirmLabel={t('consent.confirm')}
        />

        <ProblemAlert error={error} fieldLabel={fieldLabel} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('newReferral.sending') : t('newReferral.submit')}
        </button>
      </form>
    </section>
  );
}
