import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MonitorApiClient } from '../api/monitor-api.client';
import { NodeApiClient } from '../api/node-api.client';
import { ProblemAlert } from '../components/problem-alert';
import { takesCallsOnly } from '../intakes/intake-roles';
import { completeProviderSignIn, SECRETARIAT } from '../session/identity-provider-sign-in';
import { useSession } from '../session/session-context';

/**
 * Where an identity provider, a country's or the secretariat's, sends the browser back: the code is exchanged for a
 * token, and the node (or the monitor) says who it takes the holder for (name and roles after its role mapping)
 * before the session starts.
 */
export function AuthCallbackPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const started = useRef(false);

  useEffect(() => {
    // React's development mode runs effects twice; a code is good for one exchange only.
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        const token = await completeProviderSignIn();
        if (token.place === SECRETARIAT) {
          // The monitor answers 403 to a token without a role of the secretariat: no session starts then.
          const me = await new MonitorApiClient(token.accessToken).whoAmI();
          signIn({
            kind: 'secretariat',
            username: me.username,
            roles: [...me.roles],
            token: token.accessToken,
            expiresAt: token.expiresAt,
          });
          void navigate('/secretariat', { replace: true });
          return;
        }
        const me = await new NodeApiClient(token.place, token.accessToken).whoAmI();
        signIn({
          kind: 'node',
          country: token.place,
          username: me.username,
          roles: [...me.roles],
          token: token.accessToken,
          expiresAt: token.expiresAt,
        });
        void navigate(takesCallsOnly(me.roles) ? '/intakes/new' : '/work', { replace: true });
      } catch (failure) {
        setError(failure);
      }
    })();
  }, [navigate, signIn]);

  return (
    <section className="card narrow" aria-labelledby="callback-title">
      <h1 id="callback-title">{t('login.title')}</h1>
      {error === undefined ? (
        <p aria-busy="true">{t('login.completing')}</p>
      ) : (
        <>
          <ProblemAlert error={error} />
          <p>
            <Link to="/login">{t('login.again')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
