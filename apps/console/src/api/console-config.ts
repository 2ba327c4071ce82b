import { requestJson } from './http-client';

/** A country whose users sign in through its identity provider (OpenID Connect, code flow with PKCE). */
export interface IdentityProviderConfig {
  issuer: string;
  clientId: string;
  scope: string;
  resource?: string;
}

/**
 * What the console server tells the application: the countries it reaches, whether a monitor exists, and which
 * countries sign in through their identity provider (the others with their node's password form).
 */
export interface ConsoleConfig {
  countries: string[];
  monitor: boolean;
  identityProviders: Record<string, IdentityProviderConfig>;
}

export const loadConsoleConfig = (): Promise<ConsoleConfig> => requestJson<ConsoleConfig>('/console-config.json');
