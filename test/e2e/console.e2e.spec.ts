import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import {
  LocalMonitor,
  LocalNetwork,
  startConsoleProcess,
  startLocalMonitor,
  startLocalNetwork,
  stopConsoleProcess,
  findFreeBasePort,
  networkPortOffsets,
} from '@enlace/local-infra';
import type { NodeApiClient } from '@enlace/client';
import type { NodeApi } from '@enlace/contracts';
import { eventually, testInfra } from '@enlace/testing';
import { signedInNodeApi } from './support/typed-node-api';

/** Debian's Chromium, never a downloaded browser (`npm run test:int` installs it when missing). */
const CHROMIUM = process.env['ENLACE_CHROMIUM'] ?? '/usr/bin/chromium';
const REPO_ROOT = path.resolve(__dirname, '..', '..');
/**
 * The README's screenshots are rewritten only when asked (ENLACE_UPDATE_SCREENSHOTS=1): a test run leaves the
 * checkout as it found it, and the pictures are still taken (into the run's own folder), so a page that fails to
 * render fails here either way.
 */
const UPDATE_SCREENSHOTS = process.env['ENLACE_UPDATE_SCREENSHOTS'] === '1';
type ReturnStep = NodeApi.components['schemas']['ReturnStep'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The console's build is part of `npm run build`; a lone `npm run test:int -- console` builds what is missing. */
function ensureBuilt(): void {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/apps/console-server/src/main.js'))) {
    throw new Error('dist/apps/console-server is missing: run `npm run build` first');
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/apps/console/index.html'))) {
    const build = spawnSync('npm', ['run', 'build:console'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the console did not build');
  }
}

describe('the web console in a browser', () => {
  // A marker no other text on any page could hold: the person's first name.
  const marker = `Zelmira${randomBytes(4).toString('hex')}`;
  let home: string;
  let screenshots: string;
  let network: LocalNetwork;
  let monitor: LocalMonitor;
  let secretariat: { context: BrowserContext; page: Page };
  let corridorBefore: number;
  /** Every body the monitor's API answered to the secretariat's page. */
  const monitorBodies: string[] = [];
  let consoleUrl: string;
  let browser: Browser;
  let referralId: string;
  let returnId: string;
  const pageErrors: string[] = [];

  const user = (country: string) => {
    const found = network.users.find((u) => u.country === country && u.username.endsWith('.focal'));
    if (!found) throw new Error(`no focal point of ${country}`);
    return found;
  };

  /** A browser tab of its own (its own session storage), in the given language. */
  async function tab(locale: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        pageErrors.push(message.text());
    });
    return { context, page };
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    ensureBuilt();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-console-'));
    screenshots = UPDATE_SCREENSHOTS ? path.join(REPO_ROOT, 'docs', 'screenshots') : path.join(home, 'screenshots');
    fs.mkdirSync(screenshots, { recursive: true });
    const basePort = await findFreeBasePort(networkPortOffsets(5));
    network = await startLocalNetwork({
      network: `console${Date.now().toString(36)}`,
      members: ['CO', 'EC', 'AR', 'BO'].map((country) => ({ country, organisations: [`${country} focal point`] })),
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
    });
    consoleUrl = (
      await startConsoleProcess({
        network: network.network,
        port: basePort + 60,
        nodes: network.nodes,
        monitorUrl: monitor.monitorUrl,
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
      await monitor?.stop({ dropDatabase: true });
      await network.stop({ dropDatabases: true });
    }
    fs.rmSync(home, { recursive: true, force: true });
  }, 60_000);

  /** The count the secretariat's corridor matrix shows for CO -> EC. */
  const corridorCount = async (page: Page): Promise<number> =>
    Number(await page.locator('[data-testid="corridor-matrix"] td[data-corridor="CO-EC"]').getAttribute('data-count'));

  it('should let the secretariat log in to the monitor and see the corridors', async () => {
    secretariat = await tab('en-GB');
    const { page } = secretariat;
    page.on('response', async (response) => {
      if (!response.url().includes('/monitor/api/') || response.url().endsWith('/events')) return;
      monitorBodies.push(await response.text().catch(() => ''));
    });
    const reader = monitor.users.find((u) => u.username === 'secretariat');
    if (!reader) throw new Error('no secretariat user');
    await page.goto(`${consoleUrl}/login`);
    await page.getByLabel('Sign in to').selectOption('secretariat');
    await page.getByLabel('Username').fill(reader.username);
    await page.getByLabel('Password').fill(reader.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/secretariat$/);
    await page.getByTestId('corridor-matrix').waitFor();
    corridorBefore = await corridorCount(page);
    expect(corridorBefore).toBe(0);
  }, 120_000);

  it('should let a CO focal point log in and create a referral to EC, naming the fields the node refused', async () => {
    const { context, page } = await tab('en-GB');
    await page.goto(consoleUrl);
    await page.waitForURL(/\/login$/);
    await shot(page, 'login');
    await page.getByLabel('Sign in to').selectOption('CO');
    await page.getByLabel('Username').fill(user('CO').username);
    await page.getByLabel('Password').fill(user('CO').password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/work$/);
    await page.getByRole('heading', { name: 'Work of CO' }).waitFor();

    await page.getByRole('link', { name: 'New referral' }).click();
    await page.getByLabel('Refer to').selectOption('EC');
    await page.getByLabel('Reason', { exact: true }).selectOption('AdditionalServicesRequired');
    await page.getByLabel('Urgency').selectOption('high');
    await page.getByLabel('First name').fill(marker);
    await page.getByLabel('Surname').fill('Quispe');
    await page.getByLabel('Date of birth').fill('2001-06-12');
    await page.getByLabel('Gender').selectOption('Feminine');
    await page.getByLabel('Nationality (ISO code)').fill('CO');
    await page.getByLabel('Purpose explained to the person').fill('Referral for assistance in Ecuador');
    await page.getByRole('group', { name: 'Data covered' }).getByLabel('Health').check();
    await page.getByLabel('The person gave informed consent').check();
    // No service asked for: the node answers 400 and the form names the field in the user's words.
    await page.getByRole('button', { name: 'Create and send referral' }).click();
    const problem = page.getByRole('alert');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Services requested');
    expect(await problem.textContent()).toContain('400');

    await page.getByRole('group', { name: 'Services requested' }).getByLabel('Health').check();
    await page.getByRole('group', { name: 'Services requested' }).getByLabel('Social care').check();
    await shot(page, 'new-referral');
    await page.getByRole('button', { name: 'Create and send referral' }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    referralId = UUID.exec(page.url())?.[0] ?? '';
    expect(referralId).toMatch(UUID);
    await page.locator('.status-line [data-status="delivered"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('person').textContent()).toContain(marker);
    await context.close();
  }, 120_000);

  it('should let an EC focal point, in Spanish, open the incoming referral and accept it', async () => {
    const { context, page } = await tab('es-EC');
    await page.goto(`${consoleUrl}/login`);
    await page.getByLabel('Entrar en').selectOption('EC');
    await page.getByLabel('Usuario').fill(user('EC').username);
    await page.getByLabel('Contraseña').fill(user('EC').password);
    await page.getByLabel('Contraseña').press('Enter');
    await page.waitForURL(/\/work$/);
    const row = page.getByTestId('incoming').locator(`tr[data-referral-id="${referralId}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('nosotros'); // waiting on EC
    await shot(page, 'work');

    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/referrals/${referralId}$`));
    const accept = page.locator('button[data-action="accept"]');
    await accept.waitFor();
    const actions = await page
      .locator('button[data-action]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-action')));
    expect(actions).toEqual(['accept', 'decline', 'request-information', 'withdraw-consent']);
    await shot(page, 'referral-incoming');
    await accept.click();
    await page
      .getByLabel('Nota para el país remitente (opcional)')
      .fill('Plaza en un albergue de Quito desde el lunes.');
    await page.getByRole('button', { name: 'Confirmar: Aceptar' }).click();
    await page.locator('.status-line [data-status="accepted"]').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('aceptada');
    await context.close();
  }, 120_000);

  it('should show the CO case page accepted, with the timeline of both sides', async () => {
    const { context, page } = await tab('en-GB');
    await page.goto(`${consoleUrl}/login`);
    await page.getByLabel('Sign in to').selectOption('CO');
    await page.getByLabel('Username').fill(user('CO').username);
    await page.getByLabel('Password').fill(user('CO').password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/work$/);
    await page.goto(`${consoleUrl}/referrals/${referralId}`);
    await page.locator('.status-line [data-status="accepted"]').waitFor({ timeout: 30_000 });
    const timeline = await page.getByTestId('timeline').textContent();
    expect(timeline).toMatch(/Sent.*Delivered.*Accepted/s);
    expect(timeline).toContain('Plaza en un albergue de Quito desde el lunes.');
    expect(await page.locator('button[data-action]').evaluateAll((b) => b.map((x) => x.dataset['action']))).toEqual([
      'withdraw',
      'withdraw-consent',
    ]);
    await shot(page, 'referral-accepted');

    // The language can be switched at any time, and the choice is kept.
    await page.getByLabel('Language').selectOption('fr');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('heading', { name: /Chronologie/ }).waitFor();
    await context.close();
  }, 120_000);

  /** Signs in to a country's node as its focal point, in the tab's language. */
  async function signIn(
    page: Page,
    country: string,
    labels = { place: 'Sign in to', user: 'Username', password: 'Password' },
  ) {
    await page.goto(`${consoleUrl}/login`);
    await page.getByLabel(labels.place).selectOption(country);
    await page.getByLabel(labels.user).fill(user(country).username);
    await page.getByLabel(labels.password).fill(user(country).password);
    await page.getByLabel(labels.password).press('Enter');
    await page.waitForURL(/\/work$/);
  }

  /** The typed node API client (libs/client) of a country's user, for the steps the browser test does not click through. */
  const api = (country: string, suffix = '.focal') => {
    const node = network.nodes.find((candidate) => candidate.country === country);
    const found = network.users.find((u) => u.country === country && u.username.endsWith(suffix));
    if (!node || !found) throw new Error(`no ${suffix} user of ${country}`);
    return signedInNodeApi(node.apiUrl, found.username, found.password);
  };

  /** Takes a return's step through the API once the node lists it as allowed (the other side's message arrived). */
  async function returnStep(
    client: NodeApiClient,
    id: string,
    step: ReturnStep,
    body: Record<string, unknown> = {},
  ): Promise<void> {
    await eventually(
      async () => {
        const view = await client.GET('/returns/{id}', { params: { path: { id } } });
        return view.data?.allowedSteps.includes(step) ? true : undefined;
      },
      { what: `${step} to be allowed`, timeoutMs: 30_000, intervalMs: 100 },
    );
    const answer = await client.POST(`/returns/{id}/${step}`, { params: { path: { id } }, body: body as never });
    expect([step, answer.response.status]).toEqual([step, 200]);
  }

  it('should let an AR focal point request a return to BO, showing a refused field beside its input', async () => {
    const { context, page } = await tab('en-GB');
    await signIn(page, 'AR');
    await page.getByRole('link', { name: 'New return' }).click();
    await page.getByRole('heading', { name: 'New return request' }).waitFor();
    await page.getByLabel('Return to').selectOption('BO');
    await page.getByLabel('First name').fill(marker);
    await page.getByLabel('Surname').fill('Mamani');
    await page.getByLabel('Gender').selectOption('Feminine');
    await page.getByLabel('Nationality (ISO code)').fill('BO');
    await page.getByLabel('Purpose explained to the person').fill('Return to Bolivia and reintegration support');
    // A child: the form says what the nodes will require before a reception plan, and the escort.
    await page.getByLabel('The person is a child').check();
    await page.getByLabel('Unaccompanied child').check();
    const requirements = await page.getByTestId('child-requirements').textContent();
    expect(requirements).toContain('a guardian appointed');
    expect(requirements).toContain('an escort for the journey');
    await page.getByLabel('The person made an informed decision').check();
    await shot(page, 'new-return');
    await page.getByLabel('The person is a child').uncheck();

    // No data covered by the consent: the node answers 400 and the form shows it beside the list.
    const scope = page.getByRole('group', { name: 'Data covered' });
    await scope.getByLabel('Identity').uncheck();
    await scope.getByLabel('Case history').uncheck();
    await page.getByRole('button', { name: 'Create and send return request' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Data covered');
    expect(await scope.locator('.field-error').count()).toBe(1);

    await scope.getByLabel('Identity').check();
    await page.getByRole('button', { name: 'Create and send return request' }).click();
    await page.waitForURL(/\/returns\/[0-9a-f-]{36}$/);
    returnId = UUID.exec(page.url())?.[0] ?? '';
    expect(returnId).toMatch(UUID);
    await page.locator('.status-line [data-status="requested"]').waitFor();
    expect(await page.getByTestId('pending-on').textContent()).toBe('the other side');
    expect(await page.getByTestId('person').textContent()).toContain(marker);
    await context.close();
  }, 120_000);

  it('should let a BO focal point, in Spanish, find the return first in its work and verify the nationality', async () => {
    const { context, page } = await tab('es-BO');
    await signIn(page, 'BO', { place: 'Entrar en', user: 'Usuario', password: 'Contraseña' });
    const row = page.getByTestId('returns-incoming').locator(`tr[data-case-id="${returnId}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('nosotros');
    await shot(page, 'work-returns');

    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/returns/${returnId}$`));
    const verify = page.locator('button[data-step="verify-nationality"]');
    await verify.waitFor();
    await verify.click();
    const form = page.getByRole('form', { name: 'Verificar nacionalidad' });
    await form.getByLabel('confirmada', { exact: true }).check();
    await shot(page, 'return-incoming');
    // The keyboard is enough: the confirmation is the form's submit button.
    await form.getByRole('button', { name: 'Confirmar: Verificar nacionalidad' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.status-line [data-status="nationality-verified"]').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('nacionalidad verificada');
    await context.close();
  }, 120_000);

  it("should show AR the return with BO's step in the timeline and the steps now open to AR", async () => {
    const { context, page } = await tab('en-GB');
    await signIn(page, 'AR');
    await page.goto(`${consoleUrl}/returns/${returnId}`);
    await page.locator('.status-line [data-status="nationality-verified"]').waitFor({ timeout: 30_000 });
    const verified = page.getByTestId('timeline').locator('li[data-event="NationalityVerified"]');
    expect(await verified.textContent()).toContain('receiving country');
    expect(await page.locator('button[data-step]').evaluateAll((b) => b.map((x) => x.dataset['step']))).toContain(
      'record-risk-assessment',
    );
    await shot(page, 'return-outgoing');
    await context.close();
  }, 120_000);

  it('should let BO open the reintegration once the person arrived, and agree its plan', async () => {
    const [ar, bo] = await Promise.all([api('AR'), api('BO')]);
    await returnStep(ar, returnId, 'record-risk-assessment', { result: 'safe' });
    await returnStep(bo, returnId, 'propose-reception-plan');
    await returnStep(ar, returnId, 'confirm-reception-plan');
    await returnStep(bo, returnId, 'issue-travel-documents');
    const travelDate = new Date(Date.now() + 86_400_000).toISOString();
    await returnStep(ar, returnId, 'schedule-travel', { travelDate, route: 'EZE-VVI' });
    await returnStep(ar, returnId, 'record-departure');
    await returnStep(bo, returnId, 'record-arrival');

    const { context, page } = await tab('en-GB');
    await signIn(page, 'BO');
    await page.goto(`${consoleUrl}/returns/${returnId}`);
    await page.locator('button[data-step="hand-over"]').click();
    await page.getByRole('button', { name: 'Confirm: Hand over to reintegration' }).click();
    await page.locator('.status-line [data-status="handed-over"]').waitFor();
    await page.getByLabel('Purpose explained to the person').fill('Reintegration follow-up shared with Argentina');
    await page.getByLabel('The person consented to tell AR').check();
    await page.getByRole('button', { name: 'Open reintegration' }).click();
    await page.waitForURL(/\/reintegrations\/[0-9a-f-]{36}$/);
    await page.locator('.status-line [data-status="plan-pending"]').waitFor();

    await page.locator('button[data-step="agree-plan"]').click();
    const form = page.getByRole('form', { name: 'Agree plan' });
    await form.getByRole('group', { name: 'Kinds of support' }).getByLabel('Health').check();
    await form.getByRole('group', { name: 'Kinds of support' }).getByLabel('Livelihood').check();
    await form.getByLabel('Support planned until').fill('2027-06-30T12:00');
    await form.getByRole('button', { name: 'Confirm: Agree plan' }).click();
    await page.locator('.status-line [data-status="plan-agreed"]').waitFor();
    expect(await page.locator('button[data-step]').evaluateAll((b) => b.map((x) => x.dataset['step']))).toContain(
      'start-implementation',
    );
    // Its documents, as on a referral's or a return's page, with the node's own limit on the form.
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    await page.getByLabel('File (PDF, PNG or JPEG, up to 10 MB)').waitFor();
    await shot(page, 'reintegration');
    await context.close();
  }, 180_000);

  it('should show the secretariat the CO->EC corridor count go up, and no personal field anywhere', async () => {
    const { page } = secretariat;
    const deadline = Date.now() + 60_000;
    let after = await corridorCount(page);
    while (after <= corridorBefore && Date.now() < deadline) {
      await page.waitForTimeout(1000);
      after = await corridorCount(page);
    }
    expect(after).toBeGreaterThan(corridorBefore);
    await page.locator('[data-node="CO"]').waitFor();
    await shot(page, 'secretariat');

    // Nothing of the person anywhere: not in the page's text, its markup, nor any answer of the monitor.
    expect(await page.locator('body').innerText()).not.toContain(marker);
    expect(await page.content()).not.toContain(marker);
    expect(monitorBodies.length).toBeGreaterThan(0);
    expect(monitorBodies.filter((body) => body.includes(marker) || body.includes('Quispe'))).toEqual([]);
  }, 120_000);

  it('should show the secretariat CO’s regional statistics, its one referral to EC as "<11"', async () => {
    const { page } = secretariat;
    const client = await api('CO', '.supervisor');
    const published = await client.POST('/statistics/reports', { body: {} });
    expect(published.response.status).toBe(202);

    const cell = page
      .getByTestId('regional-statistics')
      .locator('tr', { hasText: 'CO → EC' })
      .filter({ hasText: 'Total' })
      .locator('td[data-suppressed]');
    await cell.first().waitFor({ timeout: 60_000 });
    expect(await cell.first().textContent()).toBe('<11');
    expect(await page.locator('body').innerText()).not.toContain(marker);
    expect(monitorBodies.filter((body) => body.includes(marker) || body.includes('Quispe'))).toEqual([]);
    await shot(page, 'secretariat-statistics');
    await secretariat.context.close();
  }, 120_000);

  it('should let a CO focal point, in Portuguese, page, filter and search a list of 300 referrals', async () => {
    const co = await api('CO');
    const surname = `Paginada${randomBytes(3).toString('hex')}`;
    const urgencies = ['low', 'medium', 'high'] as const;
    const created: string[] = [];
    for (let start = 0; start < 300; start += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, async (_, k) => {
          const n = start + k;
          const response = await co.POST('/referrals', {
            body: {
              toCountry: 'EC',
              reason: 'AdditionalServicesRequired',
              servicesRequested: ['Health'],
              urgency: urgencies[n % 3] ?? 'low',
              person:
                n === 150 ? { firstName: 'Zoraida', secondName: surname } : { firstName: 'Lista', secondName: `N${n}` },
              consent: { purpose: 'Paging test', scope: ['identity'], recordedAt: '2025-01-01T00:00:00Z' },
            },
          });
          expect(response.response.status).toBe(201);
          return response.data?.id ?? '';
        }),
      );
      created.push(...batch);
    }
    const withdrawn = created.slice(0, 3);
    for (const id of withdrawn) {
      const answer = await co.POST('/referrals/{id}/withdraw', {
        params: { path: { id } },
        body: { reason: 'Paging test' },
      });
      expect(answer.response.status).toBe(200);
    }
    /** Every open outgoing referral of CO, as the API pages them. */
    const openIds: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await co.GET('/referrals', {
        params: {
          query: { direction: 'outgoing', stage: 'open', sort: 'due', limit: 200, ...(cursor ? { cursor } : {}) },
        },
      });
      expect(page.response.status).toBe(200);
      openIds.push(...(page.data?.items ?? []).map((item) => item.id));
      cursor = page.data?.nextCursor;
    } while (cursor);
    expect(openIds.length).toBeGreaterThanOrEqual(297);
    expect((await co.GET('/referrals', { params: { query: { limit: 500 } } })).response.status).toBe(400);

    const { context, page } = await tab('pt-BR');
    await signIn(page, 'CO', { place: 'Entrar em', user: 'Usuário', password: 'Senha' });
    const outgoing = page.getByTestId('outgoing');
    const idsShown = () =>
      outgoing
        .locator('tr[data-referral-id]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-referral-id')));
    /** The ids of the list once its page `number` is shown with rows other than `before`. */
    const pageShown = async (number: number, before: (string | null)[]) => {
      await outgoing
        .getByTestId('page-number')
        .filter({ hasText: `Página ${number}` })
        .waitFor();
      return eventually(
        async () => {
          const ids = await idsShown();
          return ids.length > 0 && ids[0] !== before[0] ? ids : undefined;
        },
        { what: `page ${number} of the outgoing referrals`, timeoutMs: 30_000, intervalMs: 100 },
      );
    };
    await outgoing.locator('tr[data-referral-id]').first().waitFor({ timeout: 30_000 });
    const first = await idsShown();
    expect(first).toHaveLength(25);
    expect(await page.locator('body').innerText()).not.toMatch(/Waiting on|Next page|Open cases|Answer due/);
    await shot(page, 'work-lists');

    // Every page in turn, each referral once, as the API lists them.
    const seen = [...first];
    let number = 1;
    while (await outgoing.locator('button[data-page="next"]').isEnabled()) {
      const before = await idsShown();
      await outgoing.getByRole('button', { name: 'Próxima página' }).click();
      number += 1;
      seen.push(...(await pageShown(number, before)));
    }
    expect(seen).toHaveLength(openIds.length);
    expect(new Set(seen)).toEqual(new Set(openIds));
    // The last page's rows read before the click: read after it, they may already be the previous page's.
    const last = await idsShown();
    await outgoing.getByRole('button', { name: 'Página anterior' }).click();
    expect(await pageShown(number - 1, last)).toEqual(seen.slice((number - 2) * 25, (number - 1) * 25));

    // A filter: back to the first page, only the urgency asked.
    await page.locator('select[name="urgency"]').selectOption('low');
    await outgoing.getByTestId('page-number').filter({ hasText: 'Página 1' }).waitFor();
    await eventually(
      async () => {
        const urgencies = await outgoing
          .locator('tr[data-referral-id] td:nth-child(5)')
          .evaluateAll((cells) => cells.map((cell) => cell.textContent));
        return urgencies.length === 25 && urgencies.every((text) => text === 'baixa') ? true : undefined;
      },
      { what: 'only low urgency on the first page', timeoutMs: 15_000, intervalMs: 100 },
    );

    // The search by the person's name, accents and letter case aside, shows the initials.
    await page.locator('select[name="urgency"]').selectOption('');
    await page.getByRole('searchbox').fill(`zoraida ${surname.toUpperCase()}`);
    await page.getByRole('search').getByRole('button', { name: 'Buscar' }).click();
    const found = outgoing.locator(`tr[data-referral-id="${created[150]}"]`);
    await found.waitFor({ timeout: 15_000 });
    await eventually(async () => ((await idsShown()).length === 1 ? true : undefined), {
      what: 'the one referral found',
      timeoutMs: 15_000,
      intervalMs: 100,
    });
    expect(await found.getByTestId('initials').textContent()).toBe('ZP');

    // Ended referrals apart: no answer due, nobody waited on.
    await page.getByRole('button', { name: 'Limpar filtros' }).click();
    await page.getByRole('button', { name: 'Casos encerrados' }).click();
    for (const id of withdrawn) await outgoing.locator(`tr[data-referral-id="${id}"]`).waitFor({ timeout: 15_000 });
    expect(await outgoing.locator('tr[data-referral-id]:not([data-ended="true"])').count()).toBe(0);
    const headers = await outgoing.locator('thead th').allTextContents();
    expect(headers).not.toContain('Aguardando');
    expect(headers).not.toContain('Resposta até');
    await context.close();
  }, 300_000);

  it('should let a CO focal point, in Spanish, export its outgoing referrals as an HTCDS CSV file', async () => {
    const { context, page } = await tab('es-EC');
    await signIn(page, 'CO', { place: 'Entrar en', user: 'Usuario', password: 'Contraseña' });
    const panel = page.getByTestId('htcds-export');
    await panel.getByLabel('Casos').selectOption('referral');
    await panel.getByLabel('Dirección').selectOption('outgoing');
    await panel.getByText('Las recepciones no tienen dirección').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Descargar CSV' }).click(),
    ]);

    expect(download.suggestedFilename()).toMatch(/^enlace-CO-htcds-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const lines = csv.split('\r\n').filter((line) => line.length > 0);
    expect(lines[0]).toMatch(/^enl_CaseId,enl_Protocol,enl_Direction,enl_FromCountry,enl_ToCountry,/);
    expect(lines.find((line) => line.startsWith(`${referralId},`))).toMatch(/^[^,]+,referral,outgoing,CO,EC,accepted,/);
    expect(lines.slice(1).every((line) => /^[^,]+,referral,outgoing,CO,/.test(line))).toBe(true);
    expect(csv).toContain(marker);
    await panel.getByText(`Guardado como ${download.suggestedFilename()}`).waitFor();
    expect(await panel.innerText()).not.toMatch(/\b(Export|Download|Cases|Direction|Both|Created)\b/);
    await shot(page, 'htcds-export');

    // A problem the node answers in English is said in Spanish; its own words stay folded away.
    await page.goto(`${consoleUrl}/referrals/00000000-0000-4000-8000-000000000000`);
    const problem = page.getByRole('alert');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('(404)');
    expect(await problem.innerText()).not.toMatch(/Not Found|referral|does not/);
    await context.close();
  }, 120_000);

  it('should take a user whose token the node refuses back to the sign-in page, saying why', async () => {
    const { context, page } = await tab('en-GB');
    await signIn(page, 'CO');
    // the token as a node no longer takes it (a key rotated, a session revoked): its signature no longer matches
    await page.evaluate(`(() => {
      const key = 'enlace.console.session';
      const session = JSON.parse(sessionStorage.getItem(key));
      sessionStorage.setItem(key, JSON.stringify({ ...session, token: session.token.slice(0, -4) + 'AAAA' }));
    })()`);

    await page.reload();

    await page.waitForURL(/\/login$/);
    await page.getByRole('status').filter({ hasText: 'Your session has ended' }).waitFor();
    await context.close();
  }, 120_000);

  it('should raise no script error and no content security policy violation in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
