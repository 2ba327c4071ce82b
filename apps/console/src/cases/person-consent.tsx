import { useTranslation } from 'react-i18next';
import type { CaseErasure, Consent, Person } from '../api/node-api.types';
import { DateTime } from '../components/date-time';

/** The person (this node's data only) and the consent of a case, and the record of the erasure once there is one. */
export function PersonAndConsent({
  held: { person, consent, erasure },
  defaultRecipients,
  absent,
}: {
  /** What the case holds: its view as the node API gives it. */
  held: { readonly person?: Person; readonly consent?: Consent; readonly erasure?: CaseErasure };
  defaultRecipients: readonly string[];
  /** What to say when this case holds no person and none was erased; by default that the data are gone. */
  absent?: string;
}) {
  const { t } = useTranslation();
  const optional = (key: 'middleName' | 'secondName' | 'birthdate' | 'nationality', value?: string) =>
    value ? (
      <>
        <dt>{t(`person.${key}`)}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <section className="card" aria-labelledby="person-title">
      <h2 id="person-title">{t('referral.person')}</h2>
      {person ? (
        <dl className="details" data-testid="person">
          <dt>{t('person.firstName')}</dt>
          <dd>{person.firstName}</dd>
          {optional('middleName', person.middleName)}
          {optional('secondName', person.secondName)}
          {optional('birthdate', person.birthdate)}
          {person.gender ? (
            <>
              <dt>{t('person.gender')}</dt>
              <dd>{t(`gender.${person.gender}`)}</dd>
            </>
          ) : null}
          {optional('nationality', person.nationality)}
        </dl>
      ) : (
        <p>{!erasure && absent ? absent : t('referral.personHidden')}</p>
      )}
      {erasure ? (
        <p className="notice" data-testid="erasure">
          {t('cases.erasedAt')} <DateTime value={erasure.erasedAt} />
          {erasure.confirmedBy.length > 0
            ? ` — ${t('cases.erasureConfirmedBy')} ${erasure.confirmedBy.map((c) => c.country).join(', ')}`
            : null}
        </p>
      ) : null}
      {consent ? (
        <>
          <h3>{t('referral.consent')}</h3>
          <dl className="details">
            <dt>{t('consent.purpose')}</dt>
            <dd>{consent.purpose}</dd>
            <dt>{t('consent.scope')}</dt>
            <dd>{consent.scope.map((scope) => t(`consent.scopes.${scope}`, { defaultValue: scope })).join(', ')}</dd>
            <dt>{t('consent.recipients')}</dt>
            <dd>{(consent.recipients ?? defaultRecipients).join(', ')}</dd>
            <dt>{t('consent.recordedAt')}</dt>
            <dd>
              <DateTime value={consent.recordedAt} />
            </dd>
            {consent.expiresAt ? (
              <>
                <dt>{t('consent.expiresAt')}</dt>
                <dd>
                  <DateTime value={consent.expiresAt} />
                </dd>
              </>
            ) : null}
          </dl>
        </>
      ) : null}
    </section>
  );
}
