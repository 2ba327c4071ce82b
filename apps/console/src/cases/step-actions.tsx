import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/api-problem';
import { ProblemAlert } from '../components/problem-alert';
import type { CaseProtocol } from './case-status-badge';
import { useFieldMessage } from '../components/use-field-message';
import {
  fieldOfPointer,
  initialStepValues,
  isRequired,
  stepBody,
  type StepField,
  type StepForm,
  type StepValue,
  type StepValues,
} from './step-forms';

/** One input of a step's form, labelled, with the API's complaint about it right beside it. */
function FieldInput({
  field,
  value,
  values,
  error,
  onChange,
}: {
  field: StepField;
  value: StepValue | undefined;
  values: StepValues;
  error: string | undefined;
  onChange: (value: StepValue) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const label = t(`steps.field.${field.name as 'reason'}`);
  const described = error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {};
  const errorText = error ? (
    <span id={errorId} className="field-error">
      {error}
    </span>
  ) : null;
  const option = (prefix: string, value: string) => t(`${prefix}.${value}` as 'steps.option.safe');

  if (field.kind === 'choice' || field.kind === 'multi') {
    const list = Array.isArray(value) ? value : [];
    return (
      <fieldset {...(error ? { 'aria-describedby': errorId } : {})}>
        <legend>{label}</legend>
        <div className="checks">
          {field.options.map((choice) => (
            <label key={choice} className="inline">
              <input
                type={field.kind === 'choice' ? 'radio' : 'checkbox'}
                name={field.name}
                value={choice}
                checked={field.kind === 'choice' ? value === choice : list.includes(choice)}
                onChange={(event) =>
                  onChange(
                    field.kind === 'choice'
                      ? choice
                      : event.target.checked
                        ? [...list.filter((item) => item !== choice), choice]
                        : list.filter((item) => item !== choice),
                  )
                }
              />{' '}
              {option(field.optionPrefix, choice)}
            </label>
          ))}
        </div>
        {errorText}
      </fieldset>
    );
  }
  if (field.kind === 'checkbox') {
    return (
      <div className="field">
        <label className="inline">
          <input
            type="checkbox"
            name={field.name}
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
            {...described}
          />{' '}
          {label}
        </label>
        {errorText}
      </div>
    );
  }
  const required = isRequired(field, values);
  const text = typeof value === 'string' ? value : '';
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> ({t('newReferral.required')})</span> : null}
      </label>
      {field.kind === 'select' ? (
        <select
          id={id}
          name={field.name}
          required={required}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          {...described}
        >
          <option value="">{t('newReferral.choose')}</option>
          {field.options.map((choice) => (
            <option key={choice} value={choice}>
              {option(field.optionPrefix, choice)}
            </option>
          ))}
        </select>
      ) : field.kind === 'text' && field.maxLength > 300 ? (
        <textarea
          id={id}
          name={field.name}
          rows={3}
          maxLength={field.maxLength}
          required={required}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          {...described}
        />
      ) : (
        <input
          id={id}
          name={field.name}
          type={field.kind === 'datetime' ? 'datetime-local' : field.kind === 'number' ? 'number' : 'text'}
          {...(field.kind === 'number' ? { min: field.min, max: field.max } : {})}
          {...(field.kind === 'text' ? { maxLength: field.maxLength } : {})}
          required={required || field.kind === 'number'}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          {...described}
        />
      )}
      {errorText}
    </div>
  );
}

function StepFormView({
  protocol,
  step,
  form,
  followUpCount,
  onSubmit,
  onCancel,
}: {
  protocol: CaseProtocol;
  step: string;
  form: StepForm;
  followUpCount?: number;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fieldMessage = useFieldMessage();
  const [values, setValues] = useState<StepValues>(() =>
    initialStepValues(form, followUpCount === undefined ? {} : { followUpCount }),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const stepName = t(`steps.${protocol}.${step}` as 'steps.return.hand-over');

  // The API names failing fields by JSON Pointer: each is shown beside its input, the rest in the alert.
  const fieldErrors = new Map<string, string>();
  if (error instanceof ApiProblem) {
    for (const fieldError of error.errors) {
      const name = fieldOfPointer(form, fieldError.field);
      if (name) fieldErrors.set(name, fieldMessage(fieldError.message));
    }
  }
  const fieldLabel = (pointer: string): string => {
    const name = fieldOfPointer(form, pointer);
    return name ? t(`steps.field.${name as 'reason'}`) : pointer;
  };

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(stepBody(form, values));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <form className="action-form" onSubmit={(event) => void submit(event)} aria-label={stepName} data-step-form={step}>
      {form.warning ? <p className="warning">{t(`steps.warning.${form.warning}`)}</p> : null}
      {form.fields.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          value={values[field.name]}
          values={values}
          error={fieldErrors.get(field.name)}
          onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
        />
      ))}
      <ProblemAlert error={error} fieldLabel={fieldLabel} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {t('steps.confirm', { step: stepName })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

/** One button per step the API allows this user now (`allowedSteps`); a step opens its small form. */
export function StepActions<S extends string>({
  protocol,
  allowedSteps,
  forms,
  followUpCount,
  take,
}: {
  protocol: CaseProtocol;
  allowedSteps: readonly S[];
  forms: Record<S, StepForm>;
  followUpCount?: number;
  take: (step: S, body: Record<string, unknown>) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<S>();
  return (
    <section className="card" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('cases.steps')}</h2>
      {allowedSteps.length === 0 ? <p>{t('cases.noSteps')}</p> : null}
      <div className="buttons" role="group" aria-label={t('cases.steps')}>
        {allowedSteps.map((step) => (
          <button
            key={step}
            type="button"
            data-step={step}
            aria-expanded={open === step}
            className={open === step ? 'selected' : undefined}
            onClick={() => setOpen(open === step ? undefined : step)}
          >
            {t(`steps.${protocol}.${step}` as 'steps.return.hand-over')}
          </button>
        ))}
      </div>
      {open && allowedSteps.includes(open) ? (
        <StepFormView
          key={open}
          protocol={protocol}
          step={open}
          form={forms[open]}
          {...(followUpCount === undefined ? {} : { followUpCount })}
          onSubmit={async (body) => {
            await take(open, body);
            setOpen(undefined);
          }}
          onCancel={() => setOpen(undefined)}
        />
      ) : null}
    </section>
  );
}
