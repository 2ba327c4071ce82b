import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import {
  LocalNetwork,
  findFreeBasePort,
  networkPortOffsets,
  startConsoleProcess,
  startLocalNetwork,
  stopConsoleProcess,
} from '@enlace/local-infra';
import { testInfra } from '@enlace/testing';
import {
  type IdentityProviderProcess,
  NODE_API_RESOURCE as API_RESOURCE,
  startIdentityProvider,
} from './support/identity-provider-process';

const CHROMIUM = process.env['ENLACE_CHROMIUM'] ?? '/usr/bin/chromium';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe("the console signing in through the country's identity provider", () => {
  let home: string;
  let network: LocalNetwork;
  let consoleUrl: string;
  let identityProvider: IdentityProviderProcess;
  let browser: Browser;
  const run = () => ({ network: network.network, runDir: path.join(home, 'run'), logDir: path.join(home, 'logs') });

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-oidc-'));
    const basePort = await findFreeBasePort(networkPortOffsets(5));
    consoleUrl = `http://127.0.0.1:${basePort + 60}`;
    identityProvider = await startIdentityProvider(consoleUrl, [API_RESOURCE]);
    network = await startLocalNetwork({
      network: `oidc${Date.now().toString(36)}`,
      members: ['CO', 'EC'].map((country) => ({ country, organisations: [`${country} focal point`] })),
      home,
      basePort,
      mode: 'combined',
      infra: testInfra(),
      // Both nodes take the provider's tokens only (their development issuer is off); its role names are mapped.
      env: {
        ENLACE_OIDC_ISSUER: identityProvider.issuer,
        ENLACE_OIDC_AUDIENCE: API_RESOURCE,
        ENLACE_OIDC_USERNAME_CLAIM: 'preferred_username',
        ENLACE_OIDC_COUNTRY_CLAIM: 'country',
        ENLACE_OIDC_ROLES_CLAIM: 'groups',
        ENLACE_OIDC_ROLE_MAP: 'co-punto-focal=focal-point',
      },
    });
    await startConsoleProcess({
      ...run(),
      port: basePort + 60,
      nodes: network.nodes,
      env: {
        ENLACE_CONSOLE_OIDC: `CO=${identityProvider.issuer}`,
        ENLACE_CONSOLE_OIDC_SCOPE: 'openid profile enlace',
        ENLACE_CONSOLE_OIDC_RESOURCE: API_RESOURCE,
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (network) {
      await stopConsoleProcess(run());
      await network.stop({ dropDatabases: true });
    }
    identityProvider?.process.kill();
    fs.rmSync(home, { recursive: true, force: true });
  }, 60_000);

  it('should sign a CO focal point in at the provider, with the roles the node maps, and let her create a referral', async () => {
    const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        pageErrors.push(message.text());
    });

    await page.goto(`${consoleUrl}/login`);
    await page.getByLabel('Entrar en').selectOption('CO');
    // No password form for a country that signs in through its identity provider.
    expect(await page.getByLabel('Contraseña').count()).toBe(0);
    await page.getByRole('button', { name: 'Entrar con el proveedor de identidad de CO' }).click();

    // The provider's own pages (its development login and consent).
    await page.waitForURL((url) => url.origin === identityProvider.issuer);
    await page.locator('input[name="login"]').fill('maria.gomez');
    await page.locator('input[name="password"]').fill('any password: the development login takes any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click(); // consent

    await page.waitForURL(/\/work$/, { timeout: 30_000 });
    const header = page.locator('header');
    await header.getByText('maria.gomez').waitFor();
    // The roles shown are the node's (co-punto-focal mapped to focal-point): the console asked the node.
    const session = await page.evaluate<string | null>("sessionStorage.getItem('enlace.console.session')");
    expect(JSON.parse(session ?? '{}')).toMatchObject({ kind: 'node', country: 'CO', roles: ['focal-point'] });

    await page.getByRole('link', { name: 'Nueva derivación' }).click();
    await page.getByLabel('Derivar a').selectOption('EC');
    await page.getByLabel('Motivo', { exact: true }).selectOption('AdditionalServicesRequired');
    await page.getByLabel('Urgencia').selectOption('high');
    await page.getByLabel('Nombre', { exact: true }).fill('Lucía');
    await page.getByLabel('Apellido').fill('Quispe');
    await page.getByLabel('Fecha de nacimiento').fill('2001-06-12');
    await page.getByLabel('Género').selectOption('Feminine');
    await page.getByLabel('Nacionalidad (código ISO)').fill('CO');
    await page.getByLabel('Finalidad explicada a la persona').fill('Derivación para asistencia en Ecuador');
    await page.getByRole('group', { name: 'Datos cubiertos' }).getByLabel('Salud').check();
    await page.getByLabel('La persona dio su consentimiento informado').check();
    await page.getByRole('group', { name: 'Servicios solicitados' }).getByLabel('Salud').check();
    await page.getByRole('button', { name: 'Crear y enviar la derivación' }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    expect(UUID.test(page.url())).toBe(true);
    // Delivered: EC's courier stored it and receipted it, so the referral crossed the border.
    await page.locator('.status-line [data-status="delivered"]').waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it("should refuse the node's password sign-in once it takes the provider's tokens", async () => {
    const co = network.nodes.find((node) => node.country === 'CO');
    const response = await fetch(`${co?.apiUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'co.focal', password: 'whatever' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).not.toBe(200);
  });
});
