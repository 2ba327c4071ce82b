import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { IdentityProviderConfig } from '../api/console-config';

/** Where the identity provider sends the browser back; the console server serves the application there. */
export const CALLBACK_PATH = '/auth/callback';

/**
 * Where a sign-in leads: a country's node (its code, e.g. `CO`), or the secretariat's monitor (SECRETARIAT). The
 * same code flow serves both; only the API asked who the token stands for differs.
 */
export const SECRETARIAT = 'secretariat';

/** What the console keeps across the round trip to the provider (in the provider's `state`, never personal). */
interface SignInState {
  place: string;
}

/** A token an identity provider issued for the console, and the place (a country's node, or SECRETARIAT) it is for. */
export interface ProviderToken {
  place: string;
  accessToken: string;
  expiresAt: number;
}

function userManager(provider: IdentityProviderConfig): UserManager {
  const resource = provider.resource !== undefined ? { resource: provider.resource } : undefined;
  return new UserManager({
    authority: provider.issuer,
    client_id: provider.clientId,
    redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
    response_type: 'code',
    scope: provider.scope,
    // The tab's storage, as for the session itself: nothing outlives the tab, nothing is a cookie.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    ...(resource && { extraQueryParams: resource, extraTokenParams: resource }),
  });
}

/** The provider of the place whose sign-in is under way, kept for the callback (it names no person). */
const PENDING_KEY = 'enlace.console.pending-sign-in';

/**
 * Sends the browser to the identity provider of `place`, a country's or the secretariat's (authorization code with
 * PKCE; oidc-client-ts does both).
 */
export async function startProviderSignIn(place: string, provider: IdentityProviderConfig): Promise<void> {
  window.sessionStorage.setItem(PENDING_KEY, JSON.stringify({ place, provider }));
  const state: SignInState = { place };
  await userManager(provider).signinRedirect({ state });
}

/** Completes the sign-in the provider sent the browser back from: exchanges the code, checks the state. */
export async function completeProviderSignIn(): Promise<ProviderToken> {
  const pending = window.sessionStorage.getItem(PENDING_KEY);
  if (!pending) throw new Error('no sign-in is under way in this tab');
  window.sessionStorage.removeItem(PENDING_KEY);
  const { place, provider } = JSON.parse(pending) as { place: string; provider: IdentityProviderConfig };
  const user = await userManager(provider).signinRedirectCallback();
  const state = user.state as SignInState | undefined;
  if (state?.place !== place) throw new Error('the sign-in came back for another place');
  return {
    place,
    accessToken: user.access_token,
    expiresAt: (user.expires_at ?? Math.floor(Date.now() / 1000) + 300) * 1000,
  };
}
