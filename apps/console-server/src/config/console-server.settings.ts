import { COUNTRY_CODE, ConfigSchema, envSetting, httpAddress, integer, optionalText } from '@enlace/config';

/** Everything the console's server reads from its environment (console-settings.ts turns it into ConsoleSettings). */
export const consoleServerSettings = {
  ENLACE_CONSOLE_HOST: optionalText({
    description:
      "The address the console's server listens on. The default, 127.0.0.1, accepts connections from this machine " +
      'only; in a container or behind a proxy on another machine set 0.0.0.0 (or ::), as for ENLACE_HTTP_HOST.',
    fallback: '127.0.0.1',
  }),
  ENLACE_CONSOLE_PORT: integer({ description: "The port the console's server listens on.", fallback: 18080, min: 1 }),
  ENLACE_CONSOLE_STATIC_DIR: optionalText({
    description:
      'The built console (index.html and its assets), relative to the working folder unless absolute ' +
      '(npm run build writes it to dist/apps/console).',
    fallback: 'dist/apps/console',
  }),
  ENLACE_CONSOLE_NODES: envSetting<Record<string, string>>(
    {
      description:
        "Each country's node API the console forwards the browser's calls to, as CC=url pairs, comma-separated.",
      required: true,
      example: 'CO=http://127.0.0.1:18001,EC=http://127.0.0.1:18002',
    },
    (value, refuse) => {
      if (value === undefined) return refuse('is required');
      const nodes = countryUrls(value, refuse);
      return Object.keys(nodes).length > 0 ? nodes : refuse('must name at least one node');
    },
  ),
  ENLACE_MONITOR_URL: envSetting<string | undefined>(
    {
      description: "The secretariat's monitor the console forwards to, when the network has one (an http(s) address).",
    },
    (value, refuse) => (value === undefined ? undefined : (httpAddress(value) ?? refuse('must be an http(s) address'))),
  ),
};

/** `CC=url` pairs, comma-separated, each url http(s). */
function countryUrls(value: string, refuse: (problem: string) => never): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const entry of value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [country = '', url = ''] = entry.split(/=(.*)/s, 2).map((part) => part.trim());
    if (!COUNTRY_CODE.test(country)) return refuse('must name countries as CC=url');
    urls[country] = httpAddress(url) ?? refuse('must hold http(s) addresses');
  }
  return urls;
}

/** The countries whose users sign in through their identity provider, and the console's client there. */
export const consoleIdentityProviderSettings = {
  ENLACE_CONSOLE_OIDC: envSetting<Record<string, string>>(
    {
      description:
        "Countries whose users sign in to the console through the country's identity provider (OpenID Connect, " +
        'authorization code with PKCE in the browser), as CC=issuer-url pairs; each must also be in ' +
        'ENLACE_CONSOLE_NODES. The other countries use their node’s development password form.',
      example: 'CO=https://login.example.gov.co/realms/enlace',
    },
    (value, refuse) => (value === undefined ? {} : countryUrls(value, refuse)),
  ),
  ENLACE_CONSOLE_MONITOR_OIDC: envSetting<string | undefined>(
    {
      description:
        "The secretariat's identity provider (OpenID Connect issuer URL): set, the secretariat signs in to the " +
        "monitor through it (authorization code with PKCE in the browser) instead of the monitor's development " +
        'password form. Needs ENLACE_MONITOR_URL; the monitor takes the same provider (its ENLACE_OIDC_ISSUER).',
      example: 'https://login.secretariat.example/realms/enlace',
    },
    (value, refuse) => (value === undefined ? undefined : (httpAddress(value) ?? refuse('must be an http(s) address'))),
  ),
  ENLACE_CONSOLE_MONITOR_OIDC_RESOURCE: optionalText({
    description:
      "The monitor's API as the secretariat's identity provider names it (RFC 8707 resource indicator), sent with " +
      'the sign-in, for providers that issue an access token per resource.',
  }),
  ENLACE_CONSOLE_OIDC_CLIENT_ID: optionalText({
    description:
      "The console's client id at the identity providers, the countries' and the secretariat's (a public client: no " +
      'secret).',
    fallback: 'enlace-console',
  }),
  ENLACE_CONSOLE_OIDC_SCOPE: optionalText({
    description: 'The scopes the console asks the identity providers for.',
    fallback: 'openid profile',
  }),
  ENLACE_CONSOLE_OIDC_RESOURCE: optionalText({
    description:
      'The node API as the identity providers name it (RFC 8707 resource indicator), sent with the sign-in, for ' +
      'providers that issue an access token per resource.',
  }),
};

export const consoleServerConfigSchema = new ConfigSchema("the console's server", {
  ...consoleServerSettings,
  ...consoleIdentityProviderSettings,
});
