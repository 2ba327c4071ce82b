import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from 'playwright-core';
import {
  type LocalMonitor,
  LocalNetwork,
  type LocalNode,
  type MonitorUser,
  type NetworkMember,
  findFreeBasePort,
  networkPortOffsets,
  startConsoleProcess,
  startLocalMonitor,
  startLocalNetwork,
  stopConsoleProcess,
} from '@enlace/local-infra';
import type { NodeApiClient } from '@enlace/client';
import { testInfra } from '@enlace/testing';
import { signedInNodeApi } from './typed-node-api';

/** Debian's Chromium, never a downloaded browser (`npm run test:int` installs it when missing). */
const CHROMIUM = process.env['ENLACE_CHROMIUM'] ?? '/usr/bin/chromium';
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/**
 * The README's pictures in docs/screenshots are rewritten only when asked (ENLACE_UPDATE_SCREENSHOTS=1): a test run
 * leaves the checkout as it found it, and the pictures are still taken (into the bed's own folder), so a page that
 * fails to render fails here either way.
 */
const UPDATE_SCREENSHOTS = process.env['ENLACE_UPDATE_SCREENSHOTS'] === '1';

/** The sign-in form's labels in each language a test signs in with (the browser's language picks the console's). */
const SIGN_IN_LABELS: Readonly<Record<string, { place: string; user: string; password: string }>> = {
  en: { place: 'Sign in to', user: 'Username', password: 'Password' },
  es: { place: 'Entrar en', user: 'Usuario', password: 'Contraseña' },
  pt: { place: 'Entrar em', user: 'Usuário', password: 'Senha' },
};

/** The countries, each a node of one agency with its focal point organisation: the plain members of a test network. */
export function plainMembers(countries: readonly string[]): NetworkMember[] {
  return countries.map((country) => ({ country, organisations: [`${country} focal point`] }));
}

export interface ConsoleTestBedOptions {
  /** A short name for the network and its temporary folder (lower-case letters). */
  readonly name: string;
  readonly members: readonly NetworkMember[];
  /** The secretariat's monitor too, behind the console (its users sign in to "secretariat"). */
  readonly monitor?: boolean;
}

/** A browser tab of its own (its own session storage). */
export interface ConsoleTab {
  readonly context: BrowserContext;
  readonly page: Page;
}

/** The console's server and its API forwarding are built by `npm run build`; a lone run builds the console's pages. */
function ensureBuilt(monitor: boolean): void {
  const servers = ['dist/apps/console-server/src/main.js', ...(monitor ? ['dist/services/monitor/src/main.js'] : [])];
  for (const server of servers) {
    if (!fs.existsSync(path.join(REPO_ROOT, server))) throw new Error(`${server} is missing: run \`npm run build\``);
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/apps/console/index.html'))) {
    const build = spawnSync('npm', ['run', 'build:console'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the console did not build');
  }
}

/**
 * What a browser test of the console stands on: a local network of its own (nodes in one process each, on the real
 * broker and database of the test run), the monitor when asked, the console's server in front of them, and Debian's
 * Chromium; stopped whole, databases dropped, by `stop`.
 */
export class ConsoleTestBed {
  /** Every script error thrown in a page of `tab`, for the test to assert there was none. */
  readonly pageErrors: string[] = [];

  private constructor(
    readonly home: string,
    readonly network: LocalNetwork,
    private readonly secretariatMonitor: LocalMonitor | undefined,
    readonly consoleUrl: string,
    readonly browser: Browser,
  ) {}

  static async start(options: ConsoleTestBedOptions): Promise<ConsoleTestBed> {
    ensureBuilt(options.monitor === true);
    const home = fs.mkdtempSync(path.join(os.tmpdir(), `enlace-${options.name}-`));
    const basePort = await findFreeBasePort(networkPortOffsets(5));
    const network = await startLocalNetwork({
      network: `${options.name}${Date.now().toString(36)}`,
      members: options.members,
      home,
      basePort,
      mode: 'combined',
      infra: testInfra(),
    });
    const monitor = options.monitor
      ? await startLocalMonitor({
          network: network.network,
          home,
          httpPort: basePort + 50,
          trustAnchorsFile: network.trustAnchorsFile,
          infra: testInfra(),
          ...(network.kafkaPrincipals && { kafkaSasl: network.kafkaPrincipals.monitor }),
        })
      : undefined;
    const { url } = await startConsoleProcess({
      network: network.network,
      port: basePort + 60,
      nodes: network.nodes,
      ...(monitor && { monitorUrl: monitor.monitorUrl }),
      runDir: path.join(home, 'run'),
      logDir: path.join(home, 'logs'),
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
    return new ConsoleTestBed(home, network, monitor, url, browser);
  }

  /** The secretariat's monitor (started with `monitor: true`). */
  get monitor(): LocalMonitor {
    if (!this.secretariatMonitor) throw new Error('the bed has no monitor: start it with monitor: true');
    return this.secretariatMonitor;
  }

  /** A demo user of the network, with the password the launcher gave it. */
  user(username: string): LocalNetwork['users'][number] {
    const found = this.network.users.find((user) => user.username === username);
    if (!found) throw new Error(`no user ${username}`);
    return found;
  }

  /** A user of the secretariat's monitor, with its password. */
  secretariat(username = 'secretariat'): MonitorUser {
    const found = this.monitor.users.find((user) => user.username === username);
    if (!found) throw new Error(`no secretariat user ${username}`);
    return found;
  }

  /** The node of a country. */
  node(country: string): LocalNode {
    const found = this.network.nodes.find((candidate) => candidate.country === country);
    if (!found) throw new Error(`no node ${country}`);
    return found;
  }

  /** The typed client of the user's own node, signed in as that user. */
  api(username: string): Promise<NodeApiClient> {
    const user = this.user(username);
    return signedInNodeApi(this.node(user.country).apiUrl, user.username, user.password);
  }

  /** A browser tab of its own in the given language, its script errors kept in `pageErrors`. */
  async tab(locale: string, options: Pick<BrowserContextOptions, 'acceptDownloads'> = {}): Promise<ConsoleTab> {
    const context = await this.browser.newContext({ locale, viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    return { context, page };
  }

  /**
   * Signs the tab in on the console's sign-in page, in the tab's language: a user of the network to its country's
   * node, a user of the monitor to the secretariat; waits until the console lands on `landing` (the work page, or
   * the secretariat's dashboard).
   */
  async signIn(page: Page, username: string, landing?: RegExp): Promise<void> {
    const secretariat = this.secretariatMonitor?.users.find((user) => user.username === username);
    const { place, password } = secretariat
      ? { place: 'secretariat', password: secretariat.password }
      : { place: this.user(username).country, password: this.user(username).password };
    await page.goto(`${this.consoleUrl}/login`);
    const language = String(await page.evaluate('navigator.language')).split('-')[0] ?? '';
    const labels = SIGN_IN_LABELS[language];
    if (!labels) throw new Error(`no sign-in labels in the language '${language}'`);
    await page.getByLabel(labels.place).selectOption(place);
    await page.getByLabel(labels.user).fill(username);
    await page.getByLabel(labels.password).fill(password);
    await page.getByLabel(labels.password).press('Enter');
    await page.waitForURL(landing ?? (secretariat ? /\/secretariat$/ : /\/work$/));
  }

  /**
   * A full-page picture of the tab, into docs/screenshots when ENLACE_UPDATE_SCREENSHOTS=1, else into the bed's
   * own folder.
   */
  async screenshot(page: Page, name: string): Promise<void> {
    const folder = UPDATE_SCREENSHOTS
      ? path.join(REPO_ROOT, 'docs', 'screenshots')
      : path.join(this.home, 'screenshots');
    await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await stopConsoleProcess({
      network: this.network.network,
      runDir: path.join(this.home, 'run'),
      logDir: path.join(this.home, 'logs'),
    });
    await this.secretariatMonitor?.stop({ dropDatabase: true });
    await this.network.stop({ dropDatabases: true });
    fs.rmSync(this.home, { recursive: true, force: true });
  }
}
