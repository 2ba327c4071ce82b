/** Who is signed in to this browser tab: a user of a country's node, or the network's secretariat. */
export type Session =
  | {
      kind: 'node';
      country: string;
      username: string;
      roles: string[];
      token: string;
      expiresAt: number;
    }
  | {
      kind: 'secretariat';
      username: string;
      roles: string[];
      token: string;
      expiresAt: number;
    };

const STORAGE_KEY = 'enlace.console.session';

interface TokenClaims {
  sub?: string;
  country?: string;
  roles?: string[];
  exp?: number;
}

/**
 * Reads a JWT's claims for display and routing only: the APIs verify the token on every call, the console
 * never trusts what it reads here for anything else.
 */
export function readTokenClaims(token: string): TokenClaims {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as Record<string, unknown>;
    return {
      ...(typeof claims['sub'] === 'string' ? { sub: claims['sub'] } : {}),
      ...(typeof claims['country'] === 'string' ? { country: claims['country'] } : {}),
      ...(Array.isArray(claims['roles']) ? { roles: claims['roles'].filter((r) => typeof r === 'string') } : {}),
      ...(typeof claims['exp'] === 'number' ? { exp: claims['exp'] } : {}),
    };
  } catch {
    return {};
  }
}

// sessionStorage: a token lives as long as the tab, never in a cookie the APIs would receive.
export function loadSession(storage: Storage = sessionStorage, now = Date.now()): Session | undefined {
  const raw = storage.getItem(STORAGE_KEY);
  if (!raw) return undefined;
  try {
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > now ? session : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined, storage: Storage = sessionStorage): void {
  if (session) storage.setItem(STORAGE_KEY, JSON.stringify(session));
  else storage.removeItem(STORAGE_KEY);
}
