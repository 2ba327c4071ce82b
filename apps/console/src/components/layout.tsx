import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { canReadAuditLog } from '../audit/audit-roles';
import { speaksAcrossBorder } from '../cases/border-roles';
import { canReadIntakes, canRecordIntakes, takesCallsOnly } from '../intakes/intake-roles';
import { useSession } from '../session/session-context';
import { LanguageSwitcher } from './language-switcher';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const place = session?.kind === 'node' ? session.country : t('app.secretariat');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="top">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        {session ? (
          <nav aria-label={t('app.mainNavigation')}>
            {session.kind === 'node' ? (
              <>
                {takesCallsOnly(session.roles) ? null : <NavLink to="/work">{t('nav.work')}</NavLink>}
                {/* a new referral or return request speaks across the border: a focal point's */}
                {speaksAcrossBorder(session.roles) ? (
                  <>
                    <NavLink to="/referrals/new">{t('nav.newReferral')}</NavLink>
                    <NavLink to="/returns/new">{t('nav.newReturn')}</NavLink>
                  </>
                ) : null}
                {canReadIntakes(session.roles) ? (
                  <NavLink to="/intakes" end>
                    {t('nav.intakes')}
                  </NavLink>
                ) : null}
                {canRecordIntakes(session.roles) ? <NavLink to="/intakes/new">{t('nav.newIntake')}</NavLink> : null}
                {canReadAuditLog(session.roles) ? <NavLink to="/audit">{t('nav.audit')}</NavLink> : null}
              </>
            ) : (
              <NavLink to="/secretariat">{t('nav.dashboard')}</NavLink>
            )}
          </nav>
        ) : null}
        <div className="top-right">
          <LanguageSwitcher />
          {session ? (
            <>
              <span className="who" data-testid="signed-in-as">
                {t('app.signedInAs', { username: session.username, place })}
              </span>
              <button type="button" onClick={() => signOut()}>
                {t('app.signOut')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
