import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import {
  LocalNetwork,
  startConsoleProcess,
  startLocalNetwork,
  stopConsoleProcess,
  findFreeBasePort,
  networkPortOffsets,
} from '@enlace/local-infra';
import { testInfra } from '@enlace/testing';
import { signedInNodeApi } from './support/typed-node-api';

/** Debian's Chromium, never a downloaded browser (`npm run test:int` installs it when missing). */
const CHROMIUM = process.env['ENLACE_CHROMIUM'] ?? '/usr/bin/chromium';
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const UPDATE_SCREENSHOTS = process.env['ENLACE_UPDATE_SCREENSHOTS'] === '1';

function ensureBuilt(): void {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/apps/console-server/src/main.js'))) {
    throw new Error('dist/apps/console-server is missing: run `npm run build` first');
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/apps/console/index.html'))) {
    const build = spawnSync('npm', ['run', 'build:console'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the console did not build');
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A focal point attaches a document on the case page in the console (CO, in Spanish), the other end downloads it
 * from its own case page (EC, in Portuguese), byte for byte; a file of another type is refused, in the user's words.
 */
describe('documents on the case page of the web console', () => {
  let home: string;
  let screenshots: string;
  let network: LocalNetwork;
  let consoleUrl: string;
  let browser: Browser;
  let referralId: string;
  const pageErrors: string[] = [];
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n% informe\n', 'ascii'), randomBytes(300 * 1024)]);

  const user = (country: string) => {
    const found = network.users.find((u) => u.country === country && u.username.endsWith('.focal'));
    if (!found) throw new Error(`no focal point of ${country}`);
    return found;
  };

  async function signedIn(country: string, locale: string, labels: { place: string; user: string; password: string }) {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${consoleUrl}/login`);
    await page.getByLabel(labels.place).selectOption(country);
    await page.getByLabel(labels.user).fill(user(country).username);
    await page.getByLabel(labels.password).fill(user(country).password);
    await page.getByLabel(labels.password).press('Enter');
    await page.waitForURL(/\/work$/);
    return { context, page };
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    ensureBuilt();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-documents-console-'));
    screenshots = UPDATE_SCREENSHOTS ? path.join(REPO_ROOT, 'docs', 'screenshots') : path.join(home, 'screenshots');
    fs.mkdirSync(screenshots, { recursive: true });
    const basePort = await findFreeBasePort(networkPortOffsets(5));
    network = await startLocalNetwork({
      network: `docconsole${Date.now().toString(36)}`,
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
    const node = network.nodes.find((candidate) => candidate.country === 'CO');
    if (!node) throw new Error('no CO node');
    const co = await signedInNodeApi(node.apiUrl, user('CO').username, user('CO').password);
    const created = await co.POST('/referrals', {
      body: {
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
        urgency: 'high',
        person: { firstName: 'Dora', secondName: 'Rojas', gender: 'Female', nationality: 'CO' },
        consent: {
          purpose: 'Referral for health care',
          scope: ['identity', 'health'],
          recordedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      },
    });
    expect(created.response.status).toBe(201);
    referralId = created.data?.id ?? '';
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
  }, 120_000);

  it('should let a CO focal point attach a PDF in Spanish, and refuse a text file in words', async () => {
    const { context, page } = await signedIn('CO', 'es-CO', {
      place: 'Entrar en',
      user: 'Usuario',
      password: 'Contraseña',
    });
    await page.goto(`${consoleUrl}/referrals/${referralId}`);
    await page.getByRole('heading', { name: 'Documentos' }).waitFor();

    await page.getByLabel('Tipo de documento').selectOption('identity-document');
    await page
      .getByLabel(/^Archivo/)
      .setInputFiles({ name: 'nota.txt', mimeType: 'text/plain', buffer: Buffer.from('hola') });
    await page.getByRole('button', { name: 'Adjuntar y enviar' }).click();
    const refusal = page.locator('.problem[data-status="415"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('El archivo no es de un tipo que el nodo acepte (PDF, PNG o JPEG).');
    expect(await refusal.getAttribute('data-code')).toBe('DOCUMENT_TYPE_NOT_ALLOWED');

    await page.getByLabel('Tipo de documento').selectOption('medical-report');
    await page.getByLabel(/^Archivo/).setInputFiles({ name: 'informe.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Adjuntar y enviar' }).click();
    await page.getByText('El documento está adjunto y en camino al otro país.').waitFor();
    const item = page.getByTestId('document').first();
    await item.getByText('Informe médico').waitFor();
    await item.getByText(/2 de 2 partes recibidas por el otro país/).waitFor({ timeout: 30_000 });
    await shot(page, 'case-documents-attached');
    await context.close();
  }, 120_000);

  it('should let the EC focal point download it in Portuguese, byte for byte', async () => {
    const { context, page } = await signedIn('EC', 'pt-BR', { place: 'Entrar em', user: 'Usuário', password: 'Senha' });
    await page.goto(`${consoleUrl}/referrals/${referralId}`);
    await page.getByRole('heading', { name: 'Documentos' }).waitFor();
    const item = page.locator('[data-testid="document"][data-status="received"]');
    await item.waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toMatch(/Relatório médico.*Recebido e verificado.*De CO/s);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: 'Baixar' }).click(),
    ]);
    const saved = path.join(home, 'downloaded.pdf');
    await download.saveAs(saved);
    expect(sha256(fs.readFileSync(saved))).toBe(sha256(pdf));
    expect(download.suggestedFilename()).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    await shot(page, 'case-documents-received');
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
