import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import {
  LocalMonitor,
  LocalNetwork,
  findFreeBasePort,
  networkPortOffsets,
  startConsoleProcess,
  startLocalMonitor,
  startLocalNetwork,
  stopConsoleProcess,
} from '@enlace/local-infra';
import { testInfra } from '@enlace/testing';
import {
  type IdentityProviderProcess,
  MONITOR_RESOURCE,
  startIdentityProvider,
} from './support/identity-provider-process';

const CHROMIUM = process.env['ENLACE_CHROMIUM'] ?? '/usr/bin/chromium';
/** The console's session in the tab, read in the page. */
const SESSION_READ = "sessionStorage.getItem('enlace.console.session')";

/**
 * The secretariat signing in to the monitor through its identity provider: a real OpenID provider
 * (support/identity-provider.ts), a monitor that takes its tokens only (no development secret, no users file), and
 * the console sending the secretariat there and back (authorization code with PKCE) before its dashboard.
 */
describe("the console signing the secretariat in through the secretariat's identity provider", () => {
  let home: string;
  let network: LocalNetwork;
  let monitor: LocalMonitor;
  let consoleUrl: string;
  let identityProvider: IdentityProviderProcess;
  let browser: Browser;
  const pageErrors: string[] = [];
  const run = () => ({ network: network.network, runDir: path.join(home, 'run'), logDir: path.join(home, 'logs') });

  async function tab(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        pageErrors.push(message.text());
    });
    return { context, page };
  }

  /** From the console's sign-in page to the provider's development login and consent, then back to the console. */
  async function signInAtProvider(page: Page, username: string): Promise<void> {
    await page.goto(`${consoleUrl}/login`);
    await page.getByLabel('Sign in to').selectOption('secretariat');
    // No password form where the secretariat signs in through its identity provider.
    expect(await page.getByLabel('Password').count()).toBe(0);
    await page.getByRole('button', { name: "Sign in with the secretariat's identity provider" }).click();
    await page.waitForURL((url) => url.origin === identityProvider.issuer);
    await page.locator('input[name="login"]').fill(username);
    await page.locator('input[name="password"]').fill('any password: the development login takes any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click(); // consent
    await page.waitForURL((url) => url.origin === new URL(consoleUrl).origin, { timeout: 30_000 });
  }

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-monitor-oidc-'));
    const basePort = await findFreeBasePort(networkPortOffsets(5));
    consoleUrl = `http://127.0.0.1:${basePort + 60}`;
    identityProvider = await startIdentityProvider(consoleUrl, [MONITOR_RESOURCE]);
    network = await startLocalNetwork({
      network: `monoidc${Date.now().toString(36)}`,
      members: ['CO', 'EC'].map((country) => ({ country, organisations: [`${country} focal point`] })),
      home,
      basePort,
      mode: 'combined',
      infra: testInfra(),
    });
    monitor = await startLocalMonitor({
      network: network.network,
      home,
      httpPort: basePort + 50,
      trustAnchorsFile: network.trustAnchorsFile,
      infra: testInfra(),
      ...(network.kafkaPrincipals && { kafkaSasl: network.kafkaPrincipals.monitor }),
      env: {
        // The development issuer off (blank is unset): the monitor starts on the provider's settings alone.
        ENLACE_JWT_SECRET: '',
        ENLACE_USERS_FILE: '',
        ENLACE_OIDC_ISSUER: identityProvider.issuer,
        ENLACE_OIDC_AUDIENCE: MONITOR_RESOURCE,
        ENLACE_OIDC_USERNAME_CLAIM: 'preferred_username',
        ENLACE_OIDC_ROLES_CLAIM: 'groups',
        ENLACE_OIDC_ROLE_MAP: 'sec-staff=secretariat',
      },
    });
    await startConsoleProcess({
      ...run(),
      port: basePort + 60,
      nodes: network.nodes,
      monitorUrl: monitor.monitorUrl,
      env: {
        ENLACE_CONSOLE_MONITOR_OIDC: identityProvider.issuer,
        ENLACE_CONSOLE_MONITOR_OIDC_RESOURCE: MONITOR_RESOURCE,
        ENLACE_CONSOLE_OIDC_SCOPE: 'openid profile enlace',
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (network) {
      await stopConsoleProcess(run());
      await monitor?.stop({ dropDatabase: true });
      await network.stop({ dropDatabases: true });
    }
    identityProvider?.process.kill();
    fs.rmSync(home, { recursive: true, force: true });
  }, 60_000);

  it('should sign the secretariat in at the provider, with the roles the monitor maps, and show its dashboard', async () => {
    const { context, page } = await tab();

    await signInAtProvider(page, 'ana.secretaria');

    await page.waitForURL(/\/secretariat$/, { timeout: 30_000 });
    await page.getByTestId('corridor-matrix').waitFor();
    await page.locator('header').getByText('ana.secretaria').waitFor();
    // The roles are the monitor's (sec-staff mapped to secretariat): the console asked the monitor.
    const session = await page.evaluate<string | null>(SESSION_READ);
    expect(JSON.parse(session ?? '{}')).toMatchObject({ kind: 'secretariat', roles: ['secretariat'] });
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it("should refuse a user of the provider without a role of the secretariat: the monitor's 403, no session", async () => {
    const { context, page } = await tab();

    await signInAtProvider(page, 'pedro.visitante');

    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.getAttribute('data-status')).toBe('403');
    expect(page.url()).toMatch(/\/auth\/callback/);
    expect(await page.evaluate<string | null>(SESSION_READ)).toBeNull();
    // Nor does the dashboard open by its address.
    await page.goto(`${consoleUrl}/secretariat`);
    await page.waitForURL(/\/login$/);
    await context.close();
  }, 180_000);

  it("should answer 404, problem+json, to the monitor's password sign-in, directly and through the console", async () => {
    for (const url of [`${monitor.monitorUrl}/api/v1/auth/token`, `${consoleUrl}/monitor/api/v1/auth/token`]) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'secretariat', password: 'whatever' }),
      });

      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
  });
});
