import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import {
  DEMO_COUNTRIES,
  LocalNetwork,
  findFreeBasePort,
  networkPortOffsets,
  startConsoleProcess,
  startLocalNetwork,
  stopConsoleProcess,
} from '@enlace/local-infra';
import { NodeApiClient, testInfra } from '@enlace/testing';

/** Debian's Chromium, never a downloaded browser (`npm run test:int` installs it when missing). */
const CHROMIUM = process.env['ENLACE_CHROMIUM'] ?? '/usr/bin/chromium';
const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** docs/screenshots/agencies-case.png is rewritten only when asked, as the console test's screenshots are. */
const UPDATE_SCREENSHOTS = process.env['ENLACE_UPDATE_SCREENSHOTS'] === '1';

/**
 * Issue 16, agencies in the console, in Spanish: a CO supervisor of the police unit (the gateway agency) sees on a
 * referral's page the agency that owns it and shares it with the shelter, with a reason; the shelter's case worker
 * then reads the case, sees whose it is and who gave it, and is offered no sharing.
 */
describe('the agencies of a case in the console', () => {
  let home: string;
  let network: LocalNetwork;
  let consoleUrl: string;
  let browser: Browser;

  const userOf = (username: string) => {
    const found = network.users.find((user) => user.username === username);
    if (!found) throw new Error(`no user ${username}`);
    return found;
  };
  const apiOf = (username: string) => {
    const user = userOf(username);
    const node = network.nodes.find((candidate) => candidate.country === user.country);
    if (!node) throw new Error(`no node ${user.country}`);
    return new NodeApiClient(node.apiUrl).login(user.username, user.password);
  };

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${consoleUrl}/login`);
    await page.getByLabel('Entrar en').selectOption(userOf(username).country);
    await page.getByLabel('Usuario').fill(username);
    await page.getByLabel('Contraseña').fill(userOf(username).password);
    await page.getByLabel('Contraseña').press('Enter');
    await page.waitForURL(/\/work$/);
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/apps/console/index.html'))) {
      throw new Error('dist/apps/console is missing: run `npm run build` first');
    }
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-agencies-console-'));
    const basePort = await findFreeBasePort(networkPortOffsets(5));
    network = await startLocalNetwork({
      network: `agencyui${Date.now().toString(36)}`,
      members: DEMO_COUNTRIES.filter(({ country }) => country === 'CO' || country === 'EC'),
      home,
      basePort,
      mode: 'combined',
      infra: testInfra(),
    });
    consoleUrl = (
      await startConsoleProcess({
        network: network.network,
        port: basePort + 60,
        nodes: network.nodes,
        runDir: path.join(home, 'run'),
        logDir: path.join(home, 'logs'),
      })
    ).url;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (network) {
      await stopConsoleProcess({
        network: network.network,
        runDir: path.join(home, 'run'),
        logDir: path.join(home, 'logs'),
      });
      await network.stop({ dropDatabases: true });
    }
    if (home) fs.rmSync(home, { recursive: true, force: true });
  }, 60_000);

  it('should show the owning agency and let its supervisor share the case with the shelter', async () => {
    const created = await (
      await apiOf('co.focal')
    ).request<{ id: string }>('POST', '/referrals', {
      toCountry: 'EC',
      reason: 'AdditionalServicesRequired',
      servicesRequested: ['Health'],
      urgency: 'high',
      person: { firstName: 'Valentina', gender: 'Female', nationality: 'CO' },
      consent: { purpose: 'Referral', scope: ['identity'], recipients: ['EC'], recordedAt: new Date().toISOString() },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const shelter = await apiOf('co.shelter.caseworker');
    expect((await shelter.request('GET', `/referrals/${id}`)).status).toBe(404);

    const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'co.supervisor');
    await page.goto(`${consoleUrl}/referrals/${id}`);
    await page.getByRole('heading', { name: 'Instituciones' }).waitFor();
    expect(await page.getByTestId('case-owner').textContent()).toBe('co-police (enlace del país con la red)');
    await page.getByText('No compartido con otra institución.').waitFor();

    await page.getByRole('combobox', { name: 'Institución' }).selectOption('co-shelter');
    await page.getByLabel('Motivo').fill('Acogida en el refugio');
    await page.getByRole('button', { name: 'Compartir', exact: true }).click();
    await page.getByTestId('case-shares').getByText('Acogida en el refugio').waitFor();
    await page.getByRole('button', { name: 'Retirar a co-shelter' }).waitFor();
    if (UPDATE_SCREENSHOTS) {
      await page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'screenshots', 'agencies-case.png'), fullPage: true });
    }
    await context.close();

    expect((await shelter.request('GET', `/referrals/${id}`)).status).toBe(200);
    const shelterContext = await browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
    const shelterPage = await shelterContext.newPage();
    await signIn(shelterPage, 'co.shelter.caseworker');
    await shelterPage.goto(`${consoleUrl}/referrals/${id}`);
    await shelterPage.getByTestId('case-shares').getByText('co-shelter').waitFor();
    expect(await shelterPage.getByTestId('case-owner').textContent()).toContain('co-police');
    expect(await shelterPage.getByRole('button', { name: 'Compartir', exact: true }).count()).toBe(0);
    await shelterContext.close();
  }, 180_000);
});
