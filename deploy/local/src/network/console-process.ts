import * as path from 'node:path';
import { HOST, REPO_ROOT } from '../paths';
import { livePid, removeFile, sleep, spawnDetached, stopProcess } from '../processes';
import { NODE_HEAP_LIMIT_ARG } from './node-heap';

export interface ConsoleProcessSpec {
  readonly network: string;
  readonly port: number;
  /** The node APIs the console forwards `/nodes/<CC>/api` to. */
  readonly nodes: readonly { readonly country: string; readonly apiUrl: string }[];
  readonly monitorUrl?: string;
  readonly runDir: string;
  readonly logDir: string;
  /** More settings of the console server (e.g. ENLACE_CONSOLE_OIDC for sign-in through an identity provider). */
  readonly env?: Readonly<Record<string, string>>;
}

const ENTRY_POINT = 'dist/apps/console-server/src/main.js';

function names(spec: Pick<ConsoleProcessSpec, 'network' | 'runDir' | 'logDir'>) {
  const base = `${spec.network}-console`;
  const entry = path.join(REPO_ROOT, ENTRY_POINT);
  return {
    pidFile: path.join(spec.runDir, `${base}.pid`),
    logFile: path.join(spec.logDir, `${base}.log`),
    entry,
    markers: [entry, `--enlace-console=${spec.network}`],
  };
}

/** Starts the web console's server (the built application and its API forwarding) unless it runs; returns its URL. */
export async function startConsoleProcess(spec: ConsoleProcessSpec): Promise<{ url: string; pid: number }> {
  const url = `http://${HOST}:${spec.port}`;
  const { pidFile, logFile, entry, markers } = names(spec);
  const running = livePid(pidFile, markers).pid;
  if (running !== undefined) return { url, pid: running };
  const pid = await spawnDetached(
    process.execPath,
    ['--enable-source-maps', NODE_HEAP_LIMIT_ARG, entry, markers[1] as string],
    {
      cwd: REPO_ROOT,
      logFile,
      pidFile,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ENLACE_CONSOLE_HOST: HOST,
        ENLACE_CONSOLE_PORT: String(spec.port),
        ENLACE_CONSOLE_NODES: spec.nodes.map(({ country, apiUrl }) => `${country}=${apiUrl}`).join(','),
        ENLACE_CONSOLE_STATIC_DIR: path.join(REPO_ROOT, 'dist', 'apps', 'console'),
        ENLACE_MONITOR_URL: spec.monitorUrl ?? '',
        ...spec.env,
      },
    },
  );
  await waitForConsole(url);
  return { url, pid };
}

export async function stopConsoleProcess(
  spec: Pick<ConsoleProcessSpec, 'network' | 'runDir' | 'logDir'>,
): Promise<void> {
  const { pidFile, markers } = names(spec);
  const { pid } = livePid(pidFile, markers);
  if (pid !== undefined) await stopProcess(pid, markers, 10_000);
  removeFile(pidFile);
}

/** Waits until the console serves its configuration. */
export async function waitForConsole(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/console-config.json`);
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`the console at ${url} did not answer within ${timeoutMs / 1000} s (${lastError})`);
}
