import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import {
  LocalNetwork,
  type NetworkMember,
  findFreeBasePort,
  networkPortOffsets,
  startConsoleProcess,
  startLocalNetwork,
  stopConsoleProcess,
} from '@enlace/local-infra';
import type { NodeApiClient } from '@enlace/client';
import { testInfra } from '@enlace/testing';
import { signedInNodeApi } from './typed-node-api';

/** Debian's Chromium, never a downloaded browser (`npm run test:int` installs it when missing). */
const CHROMIUM = process.env['ENLACE_CHROMIUM'] ?? '/usr/bin/chromium';
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface ConsoleTestBedOptions {
  /** A short name for the network and its temporary folder (lower-case letters). */
  readonly name: string;
  readonly members: readonly NetworkMember[];
}

/**
 * What a browser test of the console stands on: a local network of its own (nodes in one process each, on the real
 * broker and database of the test run), the console's server in front of it, and Debian's Chromium; stopped whole,
 * databases dropped, by `stop`.
 */
export class ConsoleTestBed {
  private constructor(
    readonly home: string,
    readonly network: LocalNetwork,
    readonly consoleUrl: string,
    readonly browser: Browser,
  ) {}

  static async start(options: ConsoleTestBedOptions): Promise<ConsoleTestBed> {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/apps/console/index.html'))) {
      throw new Error('dist/apps/console is missing: run `npm run build` first');
    }
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
    const { url } = await startConsoleProcess({
      network: network.network,
      port: basePort + 60,
      nodes: network.nodes,
      runDir: path.join(home, 'run'),
      logDir: path.join(home, 'logs'),
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
    return new ConsoleTestBed(home, network, url, browser);
  }

  /** A demo user of the network, with the password the launcher gave it. */
  user(username: string): LocalNetwork['users'][number] {
    const found = this.network.users.find((user) => user.username === username);
    if (!found) throw new Error(`no user ${username}`);
    return found;
  }

  /** The typed client of the user's own node, signed in as that user. */
  api(username: string): Promise<NodeApiClient> {
    const user = this.user(username);
    const node = this.network.nodes.find((candidate) => candidate.country === user.country);
    if (!node) throw new Error(`no node ${user.country}`);
    return signedInNodeApi(node.apiUrl, user.username, user.password);
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await stopConsoleProcess({
      network: this.network.network,
      runDir: path.join(this.home, 'run'),
      logDir: path.join(this.home, 'logs'),
    });
    await this.network.stop({ dropDatabases: true });
    fs.rmSync(this.home, { recursive: true, force: true });
  }
}
