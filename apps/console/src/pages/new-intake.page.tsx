import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiProblem } from '../api/api-problem';
import { NodeApiClient } from '../api/node-api.client';
import { GENDERS, INTAKE_CHANNELS, REPORTER_RELATIONSHIPS, URGENCIES } from '../api/node-api.types';
import { ProblemAlert } from '../components/problem-alert';
import {
  type IntakeDraft,
  IntakeDraftStore,
  QUICK_INDICATORS,
  emptyIntakeDraft,
  intakeDraftField,
  toRecordIntakeRequest,
} from '../intakes/intake-draft';
import type { Session } from '../session/session';
import { useFieldMessage } from '../components/use-field-message';

type TextField =
  | 'reporterName'
  | 'reporterContact'
  | 'firstName'
  | 'approximateAge'
  | 'nationality'
  | 'believedCountry'
  | 'lastKnownPlace';
type IndicatorField = keyof typeof QUICK_INDICATORS;

/**
 * The hotline operator's form, filled in during a call: keyboard first (the urgency has the focus, Tab follows the
 * order of a conversation, Enter saves; Ctrl+Enter saves from the notes), little required, and a draft kept in this
 * tab's session storage at every keystroke, so that nothing the caller said is lost before it is saved at the node.
 */
export function NewIntakePage({ session }: { session: Extract<Session, { kind: 'node' }> }) {
  const { t } = useTranslation();
  const fieldMessage = useFieldMessage();
  const navigate = useNavigate();
  const id = useId();
  const store = useMemo(
    () => new IntakeDraftStore(session.country, session.username),
    [session.country, session.username],
  );
  const [restored] = useState(() => store.load());
  const [draft, setDraft] = useState<IntakeDraft>(() => restored ?? emptyIntakeDraft());
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  const f = (name: string) => `${id}-${name}`;

  useEffect(() => store.save(draft), [draft, store]);
  // The operator opens the form as a call begins: the first question (how urgent) has the focus, no click needed.
  useEffect(() => first.current?.focus(), []);

  const set = <K extends keyof IntakeDraft>(key: K, value: IntakeDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const toggle = (field: IndicatorField, value: string, on: boolean) =>
    setDraft((current) => {
      const list = current[field] as string[];
      const next = on ? [...list, value] : list.filter((item) => item !== value);
      return { ...current, [field]: next };
    });

  const errors = new Map<keyof IntakeDraft, string>();
  if (error instanceof ApiProblem) {
    for (const fieldError of error.errors) {
      const field = intakeDraftField(fieldError.field);
      if (field && !errors.has(field)) errors.set(field, fieldMessage(fieldError.message));
    }
  }
  const invalid = (field: keyof IntakeDraft) =>
    errors.has(field) ? { 'aria-invalid': true, 'aria-describedby': f(`${field}-error`) } : {};
  const errorOf = (field: keyof IntakeDraft): ReactNode =>
    errors.has(field) ? (
      <span id={f(`${field}-error`)} className="field-error">
        {errors.get(field)}
      </span>
    ) : null;
  const label = (field: keyof IntakeDraft): string =>
    field === 'nationality'
      ? t('person.nationality')
      : field === 'gender'
        ? t('person.gender')
        : t(`intake.${field as 'urgency'}`);
  const textInput = (field: TextField, options: { type?: 'text' | 'number' | 'tel'; maxLength?: number } = {}) => (
    <div className="field">
      <label htmlFor={f(field)}>{label(field)}</label>
      <input
        id={f(field)}
        name={field}
        type={options.type ?? 'text'}
        {...(options.type === 'number' ? { min: 0, max: 120, inputMode: 'numeric' as const } : {})}
        maxLength={options.maxLength ?? 200}
        value={draft[field]}
        onChange={(e) => set(field, e.target.value)}
        {...invalid(field)}
      />
      {errorOf(field)}
    </div>
  );
  const indicatorGroup = (field: IndicatorField) => (
    <fieldset className="checkbox-group" {...invalid(field)}>
      <legend>{label(field)}</legend>
      {QUICK_INDICATORS[field].map((value) => (
        <label key={value} className="inline">
          <input
            type="checkbox"
            name={field}
            value={value}
            checked={(draft[field] as string[]).includes(value)}
            onChange={(e) => toggle(field, value, e.target.checked)}
          />{' '}
          {t(`intake.indicator.${value}`)}
        </label>
      ))}
      {errorOf(field)}
    </fieldset>
  );

  async function submit(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const recorded = await new NodeApiClient(session.country, session.token).recordIntake(
        toRecordIntakeRequest(draft),
      );
      store.clear();
      void navigate(`/intakes/${recorded.id}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  // In the notes Enter starts a new line; Ctrl+Enter (or Cmd+Enter) saves as Enter does everywhere else.
  const saveFromNotes = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  };

  return (
    <section aria-labelledby="new-intake-title">
      <h1 id="new-intake-title">{t('intake.title')}</h1>
      <p className="hint" id={f('hint')}>
        {t('intake.keyboardHint')}
      </p>
      {restored ? (
        <p className="hint" role="status" data-testid="draft-restored">
          {t('intake.draftRestored')}
        </p>
      ) : null}
      <form ref={form} className="referral-form" aria-describedby={f('hint')} onSubmit={(e) => void submit(e)}>
        <fieldset className="card">
          <legend>{t('intake.reportSection')}</legend>
          <div className="grid">
            <div className="field">
              <label htmlFor={f('urgency')}>{label('urgency')}</label>
              <select
                id={f('urgency')}
                name="urgency"
                ref={first}
                value={draft.urgency}
                onChange={(e) => set('urgency', e.target.value as IntakeDraft['urgency'])}
                {...invalid('urgency')}
              >
                {URGENCIES.map((urgency) => (
                  <option key={urgency} value={urgency}>
                    {t(`urgency.${urgency}`)}
                  </option>
                ))}
              </select>
              {errorOf('urgency')}
            </div>
            <div className="field">
              <label htmlFor={f('channel')}>{label('channel')}</label>
              <select
                id={f('channel')}
                name="channel"
                value={draft.channel}
                onChange={(e) => set('channel', e.target.value as IntakeDraft['channel'])}
                {...invalid('channel')}
              >
                {INTAKE_CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`intake.channels.${channel}`)}
                  </option>
                ))}
              </select>
              {errorOf('channel')}
            </div>
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('intake.reporterSection')}</legend>
          <div className="grid">
            <div className="field">
              <label htmlFor={f('relationship')}>{label('relationship')}</label>
              <select
                id={f('relationship')}
                name="relationship"
                value={draft.relationship}
                onChange={(e) => set('relationship', e.target.value as IntakeDraft['relationship'])}
                {...invalid('relationship')}
              >
                <option value="">{t('newReferral.choose')}</option>
                {REPORTER_RELATIONSHIPS.map((relationship) => (
                  <option key={relationship} value={relationship}>
                    {t(`intake.relationships.${relationship}`)}
                  </option>
                ))}
              </select>
              {errorOf('relationship')}
            </div>
            {textInput('reporterName')}
            {textInput('reporterContact', { type: 'tel' })}
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('intake.personSection')}</legend>
          <div className="grid">
            {textInput('firstName', { maxLength: 100 })}
            {textInput('approximateAge', { type: 'number' })}
            <div className="field">
              <label htmlFor={f('gender')}>{t('person.gender')}</label>
              <select
                id={f('gender')}
                name="gender"
                value={draft.gender}
                onChange={(e) => set('gender', e.target.value)}
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
            {textInput('nationality', { maxLength: 2 })}
            {textInput('believedCountry', { maxLength: 2 })}
            {textInput('lastKnownPlace', { maxLength: 300 })}
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('intake.signsSection')}</legend>
          {indicatorGroup('typeOfExploitation')}
          {indicatorGroup('methodsOfControl')}
          {indicatorGroup('methodOfRecruitment')}
          <div className="field">
            <label htmlFor={f('situation')}>{label('situation')}</label>
            <textarea
              id={f('situation')}
              name="situation"
              rows={4}
              maxLength={4000}
              value={draft.situation}
              onChange={(e) => set('situation', e.target.value)}
              onKeyDown={saveFromNotes}
              {...invalid('situation')}
            />
            {errorOf('situation')}
          </div>
        </fieldset>

        <ProblemAlert
          error={error}
          fieldLabel={(pointer) => {
            const field = intakeDraftField(pointer);
            return field ? label(field) : pointer;
          }}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('intake.saving') : t('intake.save')}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              store.clear();
              setDraft(emptyIntakeDraft());
            }}
          >
            {t('intake.discard')}
          </button>
        </div>
      </form>
    </section>
  );
}
