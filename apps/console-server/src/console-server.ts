import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { ConsoleIdentityProvider, ConsoleSettings } from './config/console-settings';
import { sendProblem } from './problem-response';

/**
 * What the single-page application asks first: which countries it can log in to, whether a monitor exists, and the
 * countries (and the secretariat) whose users sign in through their identity provider instead of a password form.
 */
export interface ConsoleConfigView {
  countries: string[];
  monitor: boolean;
  identityProviders: Record<string, ConsoleIdentityProvider>;
  /** The secretariat's identity provider, when the secretariat signs in to the monitor through it. */
  monitorIdentityProvider?: ConsoleIdentityProvider;
}

function proxyTo(target: string, what: string) {
  return createProxyMiddleware<IncomingMessage, ServerResponse>({
    target,
    changeOrigin: true,
    // X-Forwarded-For names the browser: the APIs count sign-in attempts per client address (ENLACE_TRUSTED_PROXIES)
    xfwd: true,
    // The browser's cookies are the console's, never the APIs'; the APIs use bearer tokens.
    headers: { cookie: '' },
    on: {
      error: (_error, _request, response) => {
        if ('setHeader' in response) sendProblem(response, 502, 'Bad Gateway', `${what} did not answer`);
        else response.destroy();
      },
    },
  });
}

/**
 * The console's one origin: the built application, `/nodes/<CC>/api/...` forwarded to that country's node API and
 * `/monitor/api/...` to the secretariat's monitor. The browser never talks to another origin, so no API needs CORS.
 */
export function createConsoleServer(settings: ConsoleSettings): Express {
  const app = express();
  // The browser fetches the identity providers' discovery document and token endpoint itself (the code exchange
  // with PKCE happens in the page); nothing else may be reached.
  const providerOrigins = [
    ...new Set(
      [
        ...Object.values(settings.identityProviders),
        ...(settings.monitorIdentityProvider ? [settings.monitorIdentityProvider] : []),
      ].map((provider) => new URL(provider.issuer).origin),
    ),
  ];
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          // Chart libraries set inline style attributes on SVG elements.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'", ...providerOrigins],
          'upgrade-insecure-requests': null,
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );

  const config: ConsoleConfigView = {
    countries: Object.keys(settings.nodes).sort(),
    monitor: settings.monitorUrl !== undefined,
    identityProviders: { ...settings.identityProviders },
    ...(settings.monitorIdentityProvider && { monitorIdentityProvider: settings.monitorIdentityProvider }),
  };
  app.get('/console-config.json', (_request, response) => {
    response.setHeader('cache-control', 'no-store');
    response.json(config);
  });

  for (const [country, apiUrl] of Object.entries(settings.nodes)) {
    app.use(`/nodes/${country}/api`, proxyTo(`${apiUrl}/api`, `the node API of ${country}`));
  }
  app.use('/nodes', (_request, response) =>
    sendProblem(response, 404, 'Not Found', 'No node of that country is known to this console.'),
  );
  if (settings.monitorUrl) app.use('/monitor/api', proxyTo(`${settings.monitorUrl}/api`, 'the monitor'));
  app.use('/monitor', (_request, response) =>
    sendProblem(response, 404, 'Not Found', 'No monitor is known to this console.'),
  );

  app.use(express.static(settings.staticDir, { index: 'index.html', maxAge: '1h' }));
  // Routes of the single-page application (e.g. /referrals/<id>) all load index.html.
  const indexFile = path.join(settings.staticDir, 'index.html');
  app.get(/^\/(?!assets\/).*/, (_request, response) => {
    if (!fs.existsSync(indexFile)) {
      sendProblem(response, 503, 'Service Unavailable', 'The console is not built: run npm run build.');
      return;
    }
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(indexFile);
  });
  app.use((_request: IncomingMessage, response: ServerResponse) =>
    sendProblem(response, 404, 'Not Found', 'Nothing here.'),
  );
  return app;
}
