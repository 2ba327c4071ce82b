import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { hashPassword } from '@enlace/auth';
import { kafkaSaslEnv, type KafkaSaslCredentials } from '@enlace/messaging';
import type { InfraEndpoints } from '../infra-control';
import { dropDatabase, ensureDatabase } from '../postgres-databases';
import { HOST, REPO_ROOT } from '../paths';
import { livePid, removeFile, sleep, spawnDetached, stopProcess } from '../processes';
import { brokerLinkEnv } from './broker-link';
import { NODE_HEAP_LIMIT_ARG } from './node-heap';

/** The secretariat's demo users: one who reads, one who may also redrive dead letters. */
export const DEMO_MONITOR_USERS = [
  { username: 'secretariat', roles: ['secretariat'] },
  { username: 'secretariat.supervisor', roles: ['secretariat', 'supervisor'] },
] as const;

export interface MonitorUser {
  readonly username: string;
  readonly password: string;
  readonly roles: readonly string[];
}

export interface LocalMonitorOptions {
  readonly network: string;
  /** State folder of the network (as for its nodes): users, pid file, log. */
  readonly home: string;
  readonly httpPort: number;
  /** The network's trust anchors: the monitor takes member keys from the signed directory topic, as the nodes do. */
  readonly trustAnchorsFile: string;
  readonly infra: Pick<InfraEndpoints, 'kafkaBrokers' | 'databaseUrl' | 'kafkaTls'>;
  /** The monitor reaches the broker through its TLS listener (infra.kafkaTls), as the nodes do with overTls. */
  readonly overTls?: boolean;
  /** The monitor's own principal on the broker (LocalNetwork.kafkaPrincipals.monitor), when it authenticates. */
  readonly kafkaSasl?: KafkaSaslCredentials;
  readonly env?: Readonly<Record<string, string>>;
}

export interface LocalMonitor {
  readonly monitorUrl: string;
  readonly docsUrl: string;
  /** The monitor's own database on the server, and its URL (the process's DATABASE_URL). */
  readonly dbName: string;
  readonly databaseUrl: string;
  readonly users: readonly MonitorUser[];
  readonly logFile: string;
  readonly pid: number;
  /** Stops the monitor; with `dropDatabase`, drops its database too (a test leaves the server as it found it). */
  stop(options?: { dropDatabase?: boolean }): Promise<void>;
}

interface MonitorMaterial {
  jwtSecret: string;
  users: MonitorUser[];
}

const ENTRY = path.join(REPO_ROOT, 'dist/services/monitor/src/main.js');

function names(network: string, home: string) {
  return {
    materialFile: path.join(home, 'network', network, 'monitor', 'monitor.json'),
    usersFile: path.join(home, 'network', network, 'monitor', 'monitor.users.json'),
    pidFile: path.join(home, 'run', `${network}-monitor.pid`),
    logFile: path.join(home, 'logs', `${network}-monitor.log`),
    markers: [ENTRY, `--enlace-monitor=${network}`],
  };
}

/** The monitor's database on the server, beside its network's node databases. */
function monitorDatabaseName(network: string): string {
  return `enlace_${network}_monitor`.replace(/[^a-zA-Z0-9_]/g, '_');
}

/** The monitor's own token secret and demo users, made once (random passwords) and reused on the next start. */
async function ensureMonitorMaterial(network: string, home: string): Promise<MonitorMaterial> {
  const { materialFile, usersFile } = names(network, home);
  await fs.mkdir(path.dirname(materialFile), { recursive: true, mode: 0o700 });
  const material: MonitorMaterial = await fs.readFile(materialFile, 'utf8').then(
    (text) => JSON.parse(text) as MonitorMaterial,
    () => ({
      jwtSecret: randomBytes(48).toString('base64url'),
      users: DEMO_MONITOR_USERS.map((user) => ({ ...user, password: randomBytes(9).toString('base64url') })),
    }),
  );
  const accounts = await Promise.all(
    material.users.map(async (user) => ({
      username: user.username,
      roles: user.roles,
      passwordHash: await hashPassword(user.password),
    })),
  );
  await fs.writeFile(usersFile, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  await fs.writeFile(materialFile, JSON.stringify(material, null, 2), { mode: 0o600 });
  return material;
}

/** Starts the network's monitor (unless it runs) and waits until its API answers. */
export async function startLocalMonitor(options: LocalMonitorOptions): Promise<LocalMonitor> {
  const material = await ensureMonitorMaterial(options.network, options.home);
  const { pidFile, logFile, usersFile, markers } = names(options.network, options.home);
  await fs.mkdir(path.dirname(pidFile), { recursive: true });
  await fs.mkdir(path.dirname(logFile), { recursive: true });
  const dbName = monitorDatabaseName(options.network);
  const databaseUrl = await ensureDatabase(options.infra.databaseUrl, dbName);
  const pid =
    livePid(pidFile, markers).pid ??
    (await spawnDetached(process.execPath, ['--enable-source-maps', NODE_HEAP_LIMIT_ARG, ENTRY, markers[1] as string], {
      cwd: REPO_ROOT,
      logFile,
      pidFile,
      env: {
        ...process.env,
        ENLACE_NETWORK: options.network,
        ENLACE_HTTP_HOST: HOST,
        ENLACE_HTTP_PORT: String(options.httpPort),
        ...brokerLinkEnv(options.infra, options.overTls),
        ...(options.kafkaSasl && kafkaSaslEnv(options.kafkaSasl)),
        DATABASE_URL: databaseUrl,
        ENLACE_JWT_SECRET: material.jwtSecret,
        ENLACE_USERS_FILE: usersFile,
        ENLACE_TRUST_ANCHORS_FILE: options.trustAnchorsFile,
        // the console's server, on this machine, forwards each browser's address for the sign-in budgets
        ENLACE_TRUSTED_PROXIES: 'loopback',
        NODE_ENV: 'production',
        ...options.env,
      },
    }));
  const monitorUrl = `http://${HOST}:${options.httpPort}`;
  await waitForHealth(monitorUrl);
  return {
    monitorUrl,
    docsUrl: `${monitorUrl}/docs`,
    dbName,
    databaseUrl,
    users: material.users,
    logFile,
    pid,
    stop: async (stopOptions) => {
      await stopLocalMonitor(options.network, options.home);
      if (stopOptions?.dropDatabase) await dropDatabase(options.infra.databaseUrl, dbName);
    },
  };
}

export async function stopLocalMonitor(network: string, home: string): Promise<void> {
  const { pidFile, markers } = names(network, home);
  const { pid } = livePid(pidFile, markers);
  if (pid !== undefined) await stopProcess(pid, markers, 15_000);
  removeFile(pidFile);
}

async function waitForHealth(monitorUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${monitorUrl}/api/v1/health`);
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await sleep(300);
  }
  throw new Error(`the monitor at ${monitorUrl} did not become healthy within ${timeoutMs / 1000} s (${lastError})`);
}
