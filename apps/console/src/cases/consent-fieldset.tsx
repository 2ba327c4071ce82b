import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const CONSENT_SCOPES = ['identity', 'contact', 'health', 'case'] as const;

/** The consent part of a request form's draft: what the person agreed to, as the user fills it in. */
export interface ConsentDraft {
  purpose: string;
  scope: string[];
  recordedAt: string;
  expiresAt: string;
  confirmed: boolean;
}

type ConsentField = keyof ConsentDraft;

/**
 * The consent recorded with a request: purpose, scope, when it was given and until when, the one country it is
 * given for, and the user's confirmation that the person agreed. A form that shows field errors beside their
 * inputs passes `invalid` and `errorOf`.
 */
export function ConsentFieldset({
  draft,
  recipient,
  onChange,
  fieldId,
  confirmLabel,
  invalid = () => ({}),
  errorOf = () => null,
}: {
  draft: ConsentDraft;
  /** The country the consent is given for: the request's addressee. */
  recipient: string;
  /** Told of each change, as the fields changed. */
  onChange: (change: Partial<ConsentDraft>) => void;
  fieldId: (name: string) => string;
  confirmLabel: string;
  invalid?: (field: ConsentField) => Record<string, unknown>;
  errorOf?: (field: ConsentField) => ReactNode;
}) {
  const { t } = useTranslation();
  const set = <K extends ConsentField>(key: K, value: ConsentDraft[K]) => onChange({ [key]: value });
  const scopeError = errorOf('scope');
  return (
    <fieldset className="card">
      <legend>{t('newReferral.consentSection')}</legend>
      <div className="field">
        <label htmlFor={fieldId('purpose')}>{t('consent.purpose')}</label>
        <input
          id={fieldId('purpose')}
          name="purpose"
          required
          maxLength={500}
          value={draft.purpose}
          onChange={(e) => set('purpose', e.target.value)}
          {...invalid('purpose')}
        />
        {errorOf('purpose')}
      </div>
      <fieldset {...(scopeError ? { 'aria-describedby': fieldId('scope-error') } : {})}>
        <legend>{t('consent.scope')}</legend>
        <div className="checks">
          {CONSENT_SCOPES.map((scope) => (
            <label key={scope} className="inline">
              <input
                type="checkbox"
                name="scope"
                value={scope}
                checked={draft.scope.includes(scope)}
                onChange={(e) =>
                  set(
                    'scope',
                    e.target.checked
                      ? [...draft.scope.filter((item) => item !== scope), scope]
                      : draft.scope.filter((item) => item !== scope),
                  )
                }
              />{' '}
              {t(`consent.scopes.${scope}`)}
            </label>
          ))}
        </div>
        {scopeError}
      </fieldset>
      <p className="hint">
        {t('consent.recipients')}: {recipient || '—'}
      </p>
      <div className="grid">
        <div className="field">
          <label htmlFor={fieldId('recordedAt')}>{t('consent.recordedAt')}</label>
          <input
            id={fieldId('recordedAt')}
            name="recordedAt"
            type="datetime-local"
            required
            value={draft.recordedAt}
            onChange={(e) => set('recordedAt', e.target.value)}
            {...invalid('recordedAt')}
          />
          {errorOf('recordedAt')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('expiresAt')}>{t('consent.expiresAt')}</label>
          <input
            id={fieldId('expiresAt')}
            name="expiresAt"
            type="datetime-local"
            value={draft.expiresAt}
            onChange={(e) => set('expiresAt', e.target.value)}
            {...invalid('expiresAt')}
          />
          {errorOf('expiresAt')}
        </div>
      </div>
      <label className="inline confirm">
        <input
          type="checkbox"
          name="consentConfirmed"
          required
          checked={draft.confirmed}
          onChange={(e) => set('confirmed', e.target.checked)}
        />{' '}
        {confirmLabel}
      </label>
    </fieldset>
  );
}
