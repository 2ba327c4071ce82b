import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createConsoleServer } from './console-server';
import { readConsoleSettings } from './config/console-settings';

interface Seen {
  method?: string;
  url?: string;
  authorization?: string;
  cookie?: string;
}

/** A stand-in upstream API that records what reached it and answers with its own name. */
async function upstream(name: string, seen: Seen[]): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((request, response) => {
    seen.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.authorization,
      cookie: request.headers.cookie,
    });
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ from: name, url: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('createConsoleServer', () => {
  const seen: Seen[] = [];
  let servers: http.Server[] = [];
  let base = '';
  let staticDir = '';

  beforeAll(async () => {
    staticDir = await fs.mkdtemp(path.join(os.tmpdir(), 'console-static-'));
    await fs.writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Enlace</title>');
    const co = await upstream('CO', seen);
    const monitor = await upstream('monitor', seen);
    const console = createConsoleServer({
      host: '127.0.0.1',
      port: 0,
      staticDir,
      nodes: { CO: co.url, EC: 'http://127.0.0.1:1' },
      monitorUrl: monitor.url,
      identityProviders: {
        EC: { issuer: 'https://login.example.gob.ec/realms/enlace', clientId: 'enlace-console', scope: 'openid' },
      },
      monitorIdentityProvider: {
        issuer: 'https://login.secretariat.example/realms/enlace',
        clientId: 'enlace-console',
        scope: 'openid',
      },
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => console.once('listening', resolve));
    servers = [co.server, monitor.server, console];
    base = `http://127.0.0.1:${(console.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await fs.rm(staticDir, { recursive: true, force: true });
  });

  it('should forward /nodes/<CC>/api/... to that country node with the bearer token and without cookies', async () => {
    const response = await fetch(`${base}/nodes/CO/api/v1/referrals?direction=incoming`, {
      headers: { authorization: 'Bearer t0k3n', cookie: 'session=abc' },
    });
    expect(await response.json()).toEqual({ from: 'CO', url: '/api/v1/referrals?direction=incoming' });
    expect(seen.at(-1)).toMatchObject({ authorization: 'Bearer t0k3n' });
    expect(seen.at(-1)?.cookie ?? '').toBe('');
  });

  it('should forward /monitor/api/... to the monitor', async () => {
    const response = await fetch(`${base}/monitor/api/v1/flows`, { method: 'GET' });
    expect(await response.json()).toEqual({ from: 'monitor', url: '/api/v1/flows' });
  });

  it('should answer 404 problem+json for a country it does not know, and never reach another path', async () => {
    const unknown = await fetch(`${base}/nodes/XX/api/v1/referrals`);
    expect([unknown.status, unknown.headers.get('content-type')]).toEqual([404, 'application/problem+json']);
    const docs = await fetch(`${base}/nodes/CO/docs`);
    expect(docs.status).toBe(404);
  });

  it('should answer 502 problem+json when a node does not answer', async () => {
    const response = await fetch(`${base}/nodes/EC/api/v1/health`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ status: 502, title: 'Bad Gateway' });
  });

  it('should tell the application its countries, whether a monitor exists and who signs in where', async () => {
    const response = await fetch(`${base}/console-config.json`);
    expect(await response.json()).toEqual({
      countries: ['CO', 'EC'],
      monitor: true,
      identityProviders: {
        EC: { issuer: 'https://login.example.gob.ec/realms/enlace', clientId: 'enlace-console', scope: 'openid' },
      },
      monitorIdentityProvider: {
        issuer: 'https://login.secretariat.example/realms/enlace',
        clientId: 'enlace-console',
        scope: 'openid',
      },
    });
  });

  it('should serve index.html for the routes of the application, with a strict content security policy', async () => {
    const response = await fetch(`${base}/referrals/0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Enlace</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain(
      "connect-src 'self' https://login.example.gob.ec https://login.secretariat.example",
    );
  });
});

describe('readConsoleSettings', () => {
  it('should read the node list and the monitor', () => {
    const settings = readConsoleSettings(
      {
        ENLACE_CONSOLE_NODES: 'CO=http://127.0.0.1:18001, EC=http://127.0.0.1:18002/',
        ENLACE_MONITOR_URL: 'http://127.0.0.1:18090',
        ENLACE_CONSOLE_PORT: '18080',
      },
      '/repo',
    );
    expect(settings).toEqual({
      host: '127.0.0.1',
      port: 18080,
      staticDir: '/repo/dist/apps/console',
      nodes: { CO: 'http://127.0.0.1:18001', EC: 'http://127.0.0.1:18002' },
      monitorUrl: 'http://127.0.0.1:18090',
      identityProviders: {},
    });
  });

  it("should read which countries sign in through their identity provider, with the console's client", () => {
    const settings = readConsoleSettings({
      ENLACE_CONSOLE_NODES: 'CO=http://127.0.0.1:18001',
      ENLACE_CONSOLE_OIDC: 'CO=https://login.example.gov.co/realms/enlace/',
      ENLACE_CONSOLE_OIDC_RESOURCE: 'enlace-node-api-co',
    });
    expect(settings.identityProviders).toEqual({
      CO: {
        issuer: 'https://login.example.gov.co/realms/enlace',
        clientId: 'enlace-console',
        scope: 'openid profile',
        resource: 'enlace-node-api-co',
      },
    });
  });

  it("should read the secretariat's identity provider for the monitor, with the console's client", () => {
    const settings = readConsoleSettings({
      ENLACE_CONSOLE_NODES: 'CO=http://127.0.0.1:18001',
      ENLACE_MONITOR_URL: 'http://127.0.0.1:18090',
      ENLACE_CONSOLE_MONITOR_OIDC: 'https://login.secretariat.example/realms/enlace',
      ENLACE_CONSOLE_MONITOR_OIDC_RESOURCE: 'urn:enlace:monitor',
    });
    expect(settings.monitorIdentityProvider).toEqual({
      issuer: 'https://login.secretariat.example/realms/enlace',
      clientId: 'enlace-console',
      scope: 'openid profile',
      resource: 'urn:enlace:monitor',
    });
    expect(settings.identityProviders).toEqual({});
  });

  it("should refuse the secretariat's identity provider without a monitor to sign in to", () => {
    expect(() =>
      readConsoleSettings({
        ENLACE_CONSOLE_NODES: 'CO=http://x',
        ENLACE_CONSOLE_MONITOR_OIDC: 'https://login.secretariat.example',
      }),
    ).toThrow('ENLACE_CONSOLE_MONITOR_OIDC is set, but no ENLACE_MONITOR_URL names the monitor');
  });

  it('should refuse an identity provider for a country the console does not reach', () => {
    expect(() =>
      readConsoleSettings({ ENLACE_CONSOLE_NODES: 'CO=http://x', ENLACE_CONSOLE_OIDC: 'EC=https://login.example' }),
    ).toThrow('ENLACE_CONSOLE_OIDC names EC, which ENLACE_CONSOLE_NODES does not');
  });

  it('should refuse a malformed node list', () => {
    expect(() => readConsoleSettings({ ENLACE_CONSOLE_NODES: 'colombia=http://x' })).toThrow(/CC=url/);
    expect(() => readConsoleSettings({ ENLACE_CONSOLE_NODES: 'CO=ftp://x' })).toThrow(/http/);
    expect(() => readConsoleSettings({})).toThrow(/ENLACE_CONSOLE_NODES/);
  });
});
