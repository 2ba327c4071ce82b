import { Suspense, lazy, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ConsoleConfigProvider } from './components/console-config-context';
import { Layout } from './components/layout';
import { AuditLogPage } from './pages/audit-log.page';
import { AuthCallbackPage } from './pages/auth-callback.page';
import { LoginPage } from './pages/login.page';
import { IntakePage } from './pages/intake.page';
import { IntakesPage } from './pages/intakes.page';
import { NewIntakePage } from './pages/new-intake.page';
import { NewReferralPage } from './pages/new-referral.page';
import { NewReturnPage } from './pages/new-return.page';
import { ReintegrationPage } from './pages/reintegration.page';
import { ReferralPage } from './pages/referral.page';
import { ReturnPage } from './pages/return.page';
import { WorkPage } from './pages/work.page';
import type { Session } from './session/session';
import { SessionProvider, useSession } from './session/session-context';
import { speaksAcrossBorder } from './cases/border-roles';
import { takesCallsOnly } from './intakes/intake-roles';

// The secretariat's charts are a bundle of their own, loaded only by the secretariat.
const SecretariatPage = lazy(() => import('./pages/secretariat.page').then((m) => ({ default: m.SecretariatPage })));

type NodeSession = Extract<Session, { kind: 'node' }>;
type SecretariatSession = Extract<Session, { kind: 'secretariat' }>;

function NodeOnly({ render }: { render: (session: NodeSession) => ReactNode }) {
  const { session } = useSession();
  if (!session) return <Navigate to="/login" replace />;
  if (session.kind !== 'node') return <Navigate to="/secretariat" replace />;
  return <>{render(session)}</>;
}

/** A page that speaks across the border (a new referral or return request): a focal point's; others go to their work. */
function FocalPointOnly({ render }: { render: (session: NodeSession) => ReactNode }) {
  return (
    <NodeOnly
      render={(session) => (speaksAcrossBorder(session.roles) ? render(session) : <Navigate to="/" replace />)}
    />
  );
}

function SecretariatOnly({ render }: { render: (session: SecretariatSession) => ReactNode }) {
  const { session } = useSession();
  if (!session) return <Navigate to="/login" replace />;
  if (session.kind !== 'secretariat') return <Navigate to="/work" replace />;
  return <>{render(session)}</>;
}

function Home() {
  const { session } = useSession();
  if (!session) return <Navigate to="/login" replace />;
  if (session.kind !== 'node') return <Navigate to="/secretariat" replace />;
  // A hotline operator reads no case: the call form is where their work starts.
  return <Navigate to={takesCallsOnly(session.roles) ? '/intakes/new' : '/work'} replace />;
}

/** The views by role: a country's users work on its cases, the secretariat watches the network. */
export function App() {
  return (
    <ConsoleConfigProvider>
      <SessionProvider>
        <BrowserRouter>
          <Layout>
            <Routes>
              <Route path="/" element={<Home />} />
              <Route path="/login" element={<LoginPage />} />
              <Route path="/auth/callback" element={<AuthCallbackPage />} />
              <Route path="/work" element={<NodeOnly render={(s) => <WorkPage session={s} />} />} />
              <Route
                path="/referrals/new"
                element={<FocalPointOnly render={(s) => <NewReferralPage session={s} />} />}
              />
              <Route
                path="/referrals/:id"
                element={<NodeOnly render={(s) => <ReferralPage key={s.token} session={s} />} />}
              />
              <Route path="/audit" element={<NodeOnly render={(s) => <AuditLogPage session={s} />} />} />
              <Route path="/intakes" element={<NodeOnly render={(s) => <IntakesPage session={s} />} />} />
              <Route path="/intakes/new" element={<NodeOnly render={(s) => <NewIntakePage session={s} />} />} />
              <Route
                path="/intakes/:id"
                element={<NodeOnly render={(s) => <IntakePage key={s.token} session={s} />} />}
              />
              <Route path="/returns/new" element={<FocalPointOnly render={(s) => <NewReturnPage session={s} />} />} />
              <Route
                path="/returns/:id"
                element={<NodeOnly render={(s) => <ReturnPage key={s.token} session={s} />} />}
              />
              <Route
                path="/reintegrations/:id"
                element={<NodeOnly render={(s) => <ReintegrationPage key={s.token} session={s} />} />}
              />
              <Route
                path="/secretariat"
                element={
                  <SecretariatOnly
                    render={(s) => (
                      <Suspense fallback={<p aria-busy="true">…</p>}>
                        <SecretariatPage session={s} />
                      </Suspense>
                    )}
                  />
                }
              />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Layout>
        </BrowserRouter>
      </SessionProvider>
    </ConsoleConfigProvider>
  );
}
