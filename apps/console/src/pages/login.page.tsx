import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MonitorApiClient } from '../api/monitor-api.client';
import { takesCallsOnly } from '../intakes/intake-roles';
import { NodeApiClient } from '../api/node-api.client';
import { ProblemAlert } from '../components/problem-alert';
import { useConsoleConfig } from '../components/console-config-context';
import { SECRETARIAT, startProviderSignIn } from '../session/identity-provider-sign-in';
import { readTokenClaims } from '../session/session';
import { useSession } from '../session/session-context';

export function LoginPage() {
  const { t } = useTranslation();
  const config = useConsoleConfig();
  const { signIn, ended } = useSession();
  const navigate = useNavigate();
  const ids = { place: useId(), username: useId(), password: useId() };
  const [place, setPlace] = useState(config.countries[0] ?? SECRETARIAT);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const provider = place === SECRETARIAT ? config.monitorIdentityProvider : config.identityProviders[place];
  // What the provider's button and hint say: the secretariat's provider, or the country's.
  const providerText = (key: 'identityProvider' | 'identityProviderHint') =>
    place === SECRETARIAT ? t(`login.${key}Secretariat`) : t(`login.${key}`, { country: place });

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (provider) {
        // The browser leaves for the identity provider (the country's or the secretariat's) and comes back to
        // /auth/callback.
        await startProviderSignIn(place, provider);
      } else if (place === SECRETARIAT) {
        const issued = await new MonitorApiClient().issueToken(username, password);
        const claims = readTokenClaims(issued.accessToken);
        signIn({
          kind: 'secretariat',
          username: claims.sub ?? username,
          roles: claims.roles ?? [],
          token: issued.accessToken,
          expiresAt: Date.now() + issued.expiresIn * 1000,
        });
        void navigate('/secretariat');
      } else {
        const issued = await new NodeApiClient(place).issueToken(username, password);
        const claims = readTokenClaims(issued.accessToken);
        signIn({
          kind: 'node',
          country: place,
          username: claims.sub ?? username,
          roles: claims.roles ?? [],
          token: issued.accessToken,
          expiresAt: Date.now() + issued.expiresIn * 1000,
        });
        // A hotline operator reads no case: the call form is where their work starts.
        void navigate(takesCallsOnly(claims.roles ?? []) ? '/intakes/new' : '/work');
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      {ended === 'refused' ? (
        <p className="notice" role="status">
          {t('login.sessionEnded')}
        </p>
      ) : null}
      <form onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={ids.place}>{t('login.place')}</label>
          <select id={ids.place} name="place" value={place} onChange={(event) => setPlace(event.target.value)}>
            {config.countries.map((country) => (
              <option key={country} value={country}>
                {t('login.placeCountry', { country })}
              </option>
            ))}
            {config.monitor ? <option value={SECRETARIAT}>{t('login.placeSecretariat')}</option> : null}
          </select>
        </div>
        {provider ? (
          <p className="hint">{providerText('identityProviderHint')}</p>
        ) : (
          <>
            <div className="field">
              <label htmlFor={ids.username}>{t('login.username')}</label>
              <input
                id={ids.username}
                name="username"
                autoComplete="username"
                required
                value={username}
                onChange={(event) => setUsername(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.password}>{t('login.password')}</label>
              <input
                id={ids.password}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
          </>
        )}
        <ProblemAlert error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {provider ? providerText('identityProvider') : t('login.submit')}
        </button>
      </form>
      {provider ? null : <p className="hint">{t('login.hint')}</p>}
    </section>
  );
}
