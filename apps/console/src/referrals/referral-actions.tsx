import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeApiClient } from '../api/node-api.client';
import type { ReferralAction, ReferralView } from '../api/node-api.types';
import { ProblemAlert } from '../components/problem-alert';

/** What each action asks of the user before it is sent; the API says which actions are open now. */
const INPUTS: Record<
  ReferralAction,
  { field?: 'note' | 'reason' | 'question' | 'answer'; required?: boolean; outcome?: true }
> = {
  accept: { field: 'note' },
  decline: { field: 'reason', required: true },
  'request-information': { field: 'question', required: true },
  'provide-information': { field: 'answer', required: true },
  withdraw: { field: 'reason', required: true },
  'withdraw-consent': {},
  'start-service': {},
  close: { outcome: true },
};

function ActionForm({
  action,
  onSubmit,
  onCancel,
}: {
  action: ReferralAction;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ids = { text: useId(), outcome: useId(), reason: useId() };
  const input = INPUTS[action];
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<'successful' | 'unsuccessful'>('successful');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const body: Record<string, unknown> = {};
    if (input.field && text.trim()) body[input.field] = text.trim();
    if (input.outcome) {
      body['outcome'] = outcome;
      if (text.trim()) body['reason'] = text.trim();
    }
    try {
      await onSubmit(body);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="action-form" onSubmit={(event) => void submit(event)} aria-label={t(`actions.${action}`)}>
      {input.outcome ? (
        <fieldset>
          <legend>{t('actions.outcome')}</legend>
          {(['successful', 'unsuccessful'] as const).map((value) => (
            <label key={value} className="inline">
              <input
                type="radio"
                name="outcome"
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />{' '}
              {t(`actions.${value}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {input.field || input.outcome ? (
        <div className="field">
          <label htmlFor={ids.text}>
            {input.outcome ? t('actions.outcomeReason') : t(`actions.${input.field ?? 'note'}`)}
          </label>
          <textarea
            id={ids.text}
            name={input.field ?? 'reason'}
            rows={3}
            maxLength={2000}
            required={input.required === true || (input.outcome === true && outcome === 'unsuccessful')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      ) : null}
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {t('actions.confirm', { action: t(`actions.${action}`) })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The buttons of the actions the referral's status, this end and the user's roles allow now. */
export function ReferralActions({
  referral,
  client,
  onDone,
}: {
  referral: ReferralView;
  client: NodeApiClient;
  onDone: (view: ReferralView) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReferralAction>();
  const [error, setError] = useState<unknown>();

  async function take(action: ReferralAction, body: Record<string, unknown>): Promise<void> {
    setError(undefined);
    try {
      const view = await client.act(referral.id, action, body);
      setOpen(undefined);
      onDone(view);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('referral.actions')}</h2>
      {referral.allowedActions.length === 0 ? <p>{t('referral.noActions')}</p> : null}
      <div className="buttons" role="group" aria-label={t('referral.actions')}>
        {referral.allowedActions.map((action) => (
          <button
            key={action}
            type="button"
            data-action={action}
            aria-expanded={open === action}
            className={open === action ? 'selected' : undefined}
            onClick={() => {
              setError(undefined);
              setOpen(open === action ? undefined : action);
            }}
          >
            {t(`actions.${action}`)}
          </button>
        ))}
      </div>
      {open ? (
        <ActionForm
          key={open}
          action={open}
          onSubmit={(body) => take(open, body)}
          onCancel={() => setOpen(undefined)}
        />
      ) : null}
      <ProblemAlert error={error} />
    </section>
  );
}
