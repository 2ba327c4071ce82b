import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import {
  LocalNetwork,
  findFreeBasePort,
  networkPortOffsets,
  startConsoleProcess,
  startLocalNetwork,
  stopConsoleProcess,
} from '@enlace/local-infra';
import { createNodeApiClient, type NodeApiClient } from '@enlace/client';
import { eventually, testInfra } from '@enlace/testing';

/** Debian's Chromium, never a downloaded browser (`npm run test:int` installs it when missing). */
const CHROMIUM = process.env['ENLACE_CHROMIUM'] ?? '/usr/bin/chromium';
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * Issue 16, the hotline operator's view in a browser, in Spanish: the call form walked with the keyboard alone (the
 * urgency has the focus, Tab to each field, Space on a sign, Enter saves), its draft surviving a reload of the tab;
 * then a CO focal point turns the screened intake into a referral that EC receives. No screenshot is taken here.
 */
describe('the intake view of the console', () => {
  let home: string;
  let network: LocalNetwork;
  let consoleUrl: string;
  let browser: Browser;
  let intakeId: string;

  const userOf = (country: string, suffix: string) => {
    const found = network.users.find((u) => u.country === country && u.username.endsWith(`.${suffix}`));
    if (!found) throw new Error(`no ${suffix} user of ${country}`);
    return found;
  };
  const apiOf = async (country: string, suffix: string): Promise<NodeApiClient> => {
    const node = network.nodes.find((candidate) => candidate.country === country);
    if (!node) throw new Error(`no node ${country}`);
    const user = userOf(country, suffix);
    const baseUrl = `${node.apiUrl}/api/v1`;
    const { data, response } = await createNodeApiClient({ baseUrl }).POST('/auth/token', {
      body: { username: user.username, password: user.password },
    });
    if (!data) throw new Error(`login of ${user.username} failed: HTTP ${response.status}`);
    return createNodeApiClient({ baseUrl, token: data.accessToken });
  };

  async function signIn(page: Page, country: string, suffix: string): Promise<void> {
    await page.goto(`${consoleUrl}/login`);
    await page.getByLabel('Entrar en').selectOption(country);
    await page.getByLabel('Usuario').fill(userOf(country, suffix).username);
    await page.getByLabel('Contraseña').fill(userOf(country, suffix).password);
    await page.getByLabel('Contraseña').press('Enter');
  }

  /** The label of the element that has the focus: what a keyboard user is on. */
  const focused = (page: Page): Promise<string> =>
    page.evaluate(`(() => {
      const active = document.activeElement;
      if (!active) return '';
      const label = active.id ? document.querySelector('label[for="' + active.id + '"]') : active.closest('label');
      return (label ? label.textContent : '').trim();
    })()`);

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/apps/console/index.html'))) {
      throw new Error('dist/apps/console is missing: run `npm run build` first');
    }
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-intake-console-'));
    const basePort = await findFreeBasePort(networkPortOffsets(5));
    network = await startLocalNetwork({
      network: `intakeui${Date.now().toString(36)}`,
      members: ['CO', 'EC'].map((country) => ({ country, organisations: [`${country} focal point`] })),
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

  it('should let a CO hotline operator fill the call form with the keyboard, keep the draft, and save it', async () => {
    const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'CO', 'hotline');
    await page.waitForURL(/\/intakes\/new$/);
    await page.getByRole('heading', { name: 'Nueva recepción' }).waitFor();

    expect(await focused(page)).toBe('Urgencia');
    await page.keyboard.press('ArrowDown'); // media -> alta
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Cómo llegó el reporte');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Relación con la persona');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // Elija… -> La propia persona -> Familia
    await page.keyboard.press('Tab');
    await page.keyboard.type('Rosa');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+57 300 000 0000');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Nombre');
    await page.keyboard.type('Valentina');
    await page.keyboard.press('Tab');
    await page.keyboard.type('23');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // Elija… -> Femenino
    await page.keyboard.press('Tab');
    await page.keyboard.type('CO');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toContain('País donde se cree que está la persona');
    await page.keyboard.type('EC');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Guayaquil');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Explotación sexual');
    await page.keyboard.press('Space');

    // A reload of the tab mid-call loses nothing: the draft is in this tab's session storage.
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByLabel('Nombre', { exact: true }).inputValue()).toBe('Valentina');
    expect(await page.getByLabel('Urgencia').inputValue()).toBe('high');
    expect(await page.getByLabel('Explotación sexual').isChecked()).toBe(true);

    await page.getByLabel('Nombre', { exact: true }).press('Enter');
    await page.waitForURL(/\/intakes\/[0-9a-f-]{36}$/);
    intakeId = UUID.exec(page.url())?.[0] ?? '';
    expect(await page.getByTestId('intake-status').textContent()).toBe('registrada');
    const drafts = await page.evaluate(
      `Object.keys(sessionStorage).filter((key) => key.startsWith('enlace.console.intake-draft'))`,
    );
    expect(drafts).toEqual([]);
    await context.close();

    const atNode = await (await apiOf('CO', 'hotline')).GET('/intakes/{id}', { params: { path: { id: intakeId } } });
    expect(atNode.data).toMatchObject({
      urgency: 'high',
      channel: 'hotline',
      believedCountry: 'EC',
      reporter: { relationship: 'family', name: 'Rosa' },
      person: { firstName: 'Valentina', approximateAge: 23, gender: 'Feminine', nationality: 'CO' },
      indicators: { typeOfExploitation: ['SexualExploitation'] },
    });
  }, 180_000);

  it('should let a CO focal point, once a supervisor screened it, turn it into a referral that EC receives', async () => {
    const screened = await (
      await apiOf('CO', 'supervisor')
    ).POST('/intakes/{id}/screen', {
      params: { path: { id: intakeId } },
      body: { outcome: 'presumed-victim' },
    });
    expect(screened.response.status).toBe(200);
    const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'CO', 'focal');
    await page.waitForURL(/\/work$/);

    await page.goto(`${consoleUrl}/intakes/${intakeId}`);
    await page.getByRole('heading', { name: 'Convertir en derivación' }).waitFor();
    expect(await page.getByLabel('Derivar a').inputValue()).toBe('EC');
    await page.getByRole('group', { name: 'Servicios solicitados' }).getByLabel('Salud').check();
    await page.getByLabel(/finalidad explicada a la persona/).fill('Protección y asistencia en Ecuador');
    await page.getByRole('button', { name: 'Crear y enviar la derivación' }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    const referralId = UUID.exec(page.url())?.[0] ?? '';
    await context.close();

    const ec = await apiOf('EC', 'focal');
    const received = await eventually(
      async () => {
        const view = await ec.GET('/referrals/{id}', { params: { path: { id: referralId } } });
        return view.response.status === 200 && view.data?.status === 'delivered' ? view.data : undefined;
      },
      { what: `EC to hold referral ${referralId}`, timeoutMs: 30_000, intervalMs: 100 },
    );
    expect(received.person?.firstName).toBe('Valentina');
  }, 120_000);
});
