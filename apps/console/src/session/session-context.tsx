import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { loadSession, saveSession, type Session } from './session';

/** Why the last session ended without the user signing out: the API refused its token (expired or revoked). */
export type SessionEnd = 'refused';

interface SessionState {
  session: Session | undefined;
  /** Set when the session ended because an API refused its token; cleared by the next sign-in. */
  ended: SessionEnd | undefined;
  signIn(session: Session): void;
  signOut(reason?: SessionEnd): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(() => loadSession());
  const [ended, setEnded] = useState<SessionEnd | undefined>(undefined);
  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setSession(next);
    setEnded(undefined);
  }, []);
  const signOut = useCallback((reason?: SessionEnd) => {
    saveSession(undefined);
    setSession(undefined);
    setEnded(reason);
  }, []);
  const value = useMemo(() => ({ session, ended, signIn, signOut }), [session, ended, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
