import { requestJson } from './http-client';

/** An identity provider the console signs users in with (OpenID Connect, code flow with PKCE). */
export interface IdentityProviderConfig {
  issuer: string;
  clientId: string;
  scope: string;
  resource?: string;
}

/**
 * What the console server tells the application: the countries it reaches, whether a monitor exists, and which
 * countries (and whether the secretariat) sign in through their identity provider (the others with a password form).
 */
export interface ConsoleConfig {
  countries: string[];
  monitor: boolean;
  identityProviders: Record<string, IdentityProviderConfig>;
  /** The secretariat's identity provider, when the secretariat signs in to the monitor through it. */
  monitorIdentityProvider?: IdentityProviderConfig;
}

export const loadConsoleConfig = (): Promise<ConsoleConfig> => requestJson<ConsoleConfig>('/console-config.json');
