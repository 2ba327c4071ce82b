import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiProblem } from '../api/api-problem';
import { NodeApiClient } from '../api/node-api.client';
import { GENDERS, type GenderInput } from '../api/node-api.types';
import { localDateTime } from '../cases/local-time';
import { returnDraftField, toReturnRequest, type ReturnDraft } from '../cases/return-draft';
import { useConsoleConfig } from '../components/console-config-context';
import { ProblemAlert } from '../components/problem-alert';
import type { Session } from '../session/session';
import { ConsentFieldset } from '../cases/consent-fieldset';
import { useFieldMessage } from '../components/use-field-message';

type TextField = 'informedDecisionRecordedAt' | 'firstName' | 'middleName' | 'secondName' | 'birthdate';

/** A request to return a person to another country, with the person's informed decision and consent. */
export function NewReturnPage({ session }: { session: Extract<Session, { kind: 'node' }> }) {
  const { t } = useTranslation();
  const fieldMessage = useFieldMessage();
  const navigate = useNavigate();
  const config = useConsoleConfig();
  const id = useId();
  const [draft, setDraft] = useState<ReturnDraft>({
    toCountry: '',
    isChild: false,
    unaccompanied: false,
    informedDecisionRecordedAt: localDateTime(),
    firstName: '',
    middleName: '',
    secondName: '',
    birthdate: '',
    gender: '',
    nationality: '',
    purpose: '',
    scope: ['identity', 'case'],
    recordedAt: localDateTime(),
    expiresAt: '',
    confirmed: false,
  });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ReturnDraft>(key: K, value: ReturnDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const f = (name: string) => `${id}-${name}`;

  const labels: Record<keyof ReturnDraft, string> = {
    toCountry: t('newReturn.toCountry'),
    isChild: t('newReturn.isChild'),
    unaccompanied: t('newReturn.unaccompanied'),
    informedDecisionRecordedAt: t('newReturn.informedDecision'),
    firstName: t('person.firstName'),
    middleName: t('person.middleName'),
    secondName: t('person.secondName'),
    birthdate: t('person.birthdate'),
    gender: t('person.gender'),
    nationality: t('person.nationality'),
    purpose: t('consent.purpose'),
    scope: t('consent.scope'),
    recordedAt: t('consent.recordedAt'),
    expiresAt: t('consent.expiresAt'),
    confirmed: t('newReturn.confirm'),
  };
  // The node names failing fields by JSON Pointer: each message is shown beside its input too.
  const errors = new Map<keyof ReturnDraft, string>();
  if (error instanceof ApiProblem) {
    for (const fieldError of error.errors) {
      const field = returnDraftField(fieldError.field);
      if (field && !errors.has(field)) errors.set(field, fieldMessage(fieldError.message));
    }
  }
  const invalid = (field: keyof ReturnDraft) =>
    errors.has(field) ? { 'aria-invalid': true, 'aria-describedby': f(`${field}-error`) } : {};
  const errorOf = (field: keyof ReturnDraft): ReactNode =>
    errors.has(field) ? (
      <span id={f(`${field}-error`)} className="field-error">
        {errors.get(field)}
      </span>
    ) : null;
  const textInput = (field: TextField, type: 'text' | 'date' | 'datetime-local', required = false) => (
    <div className="field">
      <label htmlFor={f(field)}>{labels[field]}</label>
      <input
        id={f(field)}
        name={field}
        type={type}
        required={required}
        {...(type === 'text' ? { maxLength: 100 } : {})}
        value={draft[field]}
        onChange={(e) => set(field, e.target.value)}
        {...invalid(field)}
      />
      {errorOf(field)}
    </div>
  );

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await new NodeApiClient(session.country, session.token).createReturn(toReturnRequest(draft));
      void navigate(`/returns/${created.id}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-return-title">
      <h1 id="new-return-title">{t('newReturn.title')}</h1>
      <form className="referral-form" onSubmit={(event) => void submit(event)}>
        <fieldset className="card">
          <legend>{t('newReturn.caseSection')}</legend>
          <div className="field">
            <label htmlFor={f('toCountry')}>{labels.toCountry}</label>
            <select
              id={f('toCountry')}
              name="toCountry"
              required
              value={draft.toCountry}
              onChange={(e) => set('toCountry', e.target.value)}
              {...invalid('toCountry')}
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
            {errorOf('toCountry')}
          </div>
          {textInput('informedDecisionRecordedAt', 'datetime-local', true)}
          <label className="inline">
            <input
              type="checkbox"
              name="isChild"
              checked={draft.isChild}
              onChange={(e) => setDraft((current) => ({ ...current, isChild: e.target.checked, unaccompanied: false }))}
            />{' '}
            {labels.isChild}
          </label>
          {draft.isChild ? (
            <div className="child-requirements" data-testid="child-requirements">
              <label className="inline">
                <input
                  type="checkbox"
                  name="unaccompanied"
                  checked={draft.unaccompanied}
                  onChange={(e) => set('unaccompanied', e.target.checked)}
                  {...invalid('unaccompanied')}
                />{' '}
                {labels.unaccompanied}
              </label>
              {errorOf('unaccompanied')}
              <p className="hint">{t('newReturn.childRequirements')}</p>
              <ul className="hint">
                <li>{t('cases.safeguard.guardian')}</li>
                <li>{t('cases.safeguard.best-interests')}</li>
                <li>{t('cases.safeguard.family-assessment')}</li>
                {draft.unaccompanied ? <li>{t('newReturn.escortRequired')}</li> : null}
              </ul>
            </div>
          ) : null}
        </fieldset>

        <fieldset className="card">
          <legend>{t('newReferral.personSection')}</legend>
          <div className="grid">
            {textInput('firstName', 'text', true)}
            {textInput('middleName', 'text')}
            {textInput('secondName', 'text')}
            {textInput('birthdate', 'date')}
            <div className="field">
              <label htmlFor={f('gender')}>{labels.gender}</label>
              <select
                id={f('gender')}
                name="gender"
                value={draft.gender}
                onChange={(e) => set('gender', e.target.value as GenderInput)}
                {...invalid('gender')}
              >
                <option value="">{t('newReferral.choose')}</option>
                {GENDERS.map((gender) => (
                  <option key={gender} value={gender}>
                    {t(`gender.${gender as 'Feminine'}`)}
                  </option>
                ))}
              </select>
              {errorOf('gender')}
            </div>
            <div className="field">
              <label htmlFor={f('nationality')}>{labels.nationality}</label>
              <input
                id={f('nationality')}
                name="nationality"
                maxLength={2}
                value={draft.nationality}
                onChange={(e) => set('nationality', e.target.value)}
                {...invalid('nationality')}
              />
              {errorOf('nationality')}
            </div>
          </div>
        </fieldset>

        <ConsentFieldset
          draft={draft}
          recipient={draft.toCountry}
          onChange={(change) => setDraft((current) => ({ ...current, ...change }))}
          fieldId={f}
          confirmLabel={labels.confirmed}
          invalid={invalid}
          errorOf={errorOf}
        />

        <ProblemAlert
          error={error}
          fieldLabel={(pointer) => {
            const field = returnDraftField(pointer);
            return field ? labels[field] : pointer;
          }}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('newReferral.sending') : t('newReturn.submit')}
        </button>
      </form>
    </section>
  );
}
