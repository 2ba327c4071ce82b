import * as path from 'node:path';
import { REPO_ROOT } from '../paths';
import { livePid, logTails, removeFile, sleep, spawnDetached, stopProcess } from '../processes';
import { NODE_HEAP_LIMIT_ARG } from './node-heap';

/** How a node runs: its API and courier in one process, or each in its own (as in production). */
export type NodeProcessMode = 'combined' | 'separate';

export interface NodeProcessSpec {
  readonly country: string;
  readonly network: string;
  readonly httpPort: number;
  /**
   * In separate mode, where the courier serves its probes and /metrics (ENLACE_COURIER_HTTP_PORT); in combined mode
   * the node's API answers them for both.
   */
  readonly courierHttpPort?: number;
  readonly mode: NodeProcessMode;
  readonly env: Readonly<Record<string, string>>;
  /** Where pid files and logs go. */
  readonly runDir: string;
  readonly logDir: string;
}

const ENTRY_POINTS = {
  node: 'dist/services/node/src/main.js',
  'node-api': 'dist/services/node-api/src/main.js',
  courier: 'dist/services/courier/src/main.js',
} as const;

/** One of a node's processes: both parts in one ('node'), or its API and its courier apart. */
export type NodeProcessKind = keyof typeof ENTRY_POINTS;
type ProcessKind = NodeProcessKind;

function kindsOf(mode: NodeProcessMode): ProcessKind[] {
  return mode === 'combined' ? ['node'] : ['node-api', 'courier'];
}

function names(spec: Pick<NodeProcessSpec, 'network' | 'country' | 'runDir' | 'logDir'>, kind: ProcessKind) {
  const base = `${spec.network}-${spec.country.toLowerCase()}-${kind}`;
  const entry = path.join(REPO_ROOT, ENTRY_POINTS[kind]);
  return {
    pidFile: path.join(spec.runDir, `${base}.pid`),
    logFile: path.join(spec.logDir, `${base}.log`),
    entry,
    // The command line says which node a process is, so a lost pid file can be recovered and no other is touched.
    markers: [entry, `--enlace-node=${spec.network}/${spec.country}`],
  };
}

/**
 * The node options a node process starts with: source maps and the heap ceiling (node-heap.ts). ENLACE_CPU_PROF_DIR (opt-in, for profiling the hot path) adds
 * --cpu-prof: each process writes its profile into <dir>/<country>-<kind> when it stops (`npm run down`, the end of
 * a bench or test); read them with tools/profiling/cpu-profile-summary.ts.
 */
export function nodeProcessArgs(
  spec: Pick<NodeProcessSpec, 'country'>,
  kind: NodeProcessKind,
  cpuProfDir = process.env['ENLACE_CPU_PROF_DIR'],
): string[] {
  const args = ['--enable-source-maps', NODE_HEAP_LIMIT_ARG];
  if (cpuProfDir) {
    const dir = path.resolve(cpuProfDir, `${spec.country.toLowerCase()}-${kind}`);
    args.push('--cpu-prof', `--cpu-prof-dir=${dir}`);
  }
  return args;
}

/** Starts a node's processes unless they already run; returns their pids. */
export async function startNodeProcesses(spec: NodeProcessSpec): Promise<number[]> {
  const pids: number[] = [];
  for (const kind of kindsOf(spec.mode)) {
    const { pidFile, logFile, entry, markers } = names(spec, kind);
    const running = livePid(pidFile, markers).pid;
    if (running !== undefined) {
      pids.push(running);
      continue;
    }
    pids.push(
      await spawnDetached(process.execPath, [...nodeProcessArgs(spec, kind), entry, markers[1] as string], {
        cwd: REPO_ROOT,
        logFile,
        pidFile,
        env: {
          ...process.env,
          ...spec.env,
          ENLACE_HTTP_PORT: String(spec.httpPort),
          ...(kind === 'courier' && spec.courierHttpPort !== undefined
            ? { ENLACE_COURIER_HTTP_PORT: String(spec.courierHttpPort) }
            : {}),
          NODE_ENV: 'production',
        },
      }),
    );
  }
  return pids;
}

/** Stops a node's processes, whichever mode they were started in. */
export async function stopNodeProcesses(
  spec: Pick<NodeProcessSpec, 'network' | 'country' | 'runDir' | 'logDir'>,
  signal: 'graceful' | 'kill' = 'graceful',
): Promise<void> {
  for (const kind of Object.keys(ENTRY_POINTS) as ProcessKind[]) {
    const { pidFile, markers } = names(spec, kind);
    const { pid } = livePid(pidFile, markers);
    if (pid !== undefined) {
      if (signal === 'kill') process.kill(pid, 'SIGKILL');
      await stopProcess(pid, markers, signal === 'kill' ? 2_000 : 15_000);
    }
    removeFile(pidFile);
  }
}

/**
 * Ends one of a node's processes at once (SIGKILL: no shutdown hook runs, as in a crash) and waits until it is
 * gone; `startNodeProcesses` starts it again (it starts only what is missing). Returns whether one was running.
 */
export async function killNodeProcess(
  spec: Pick<NodeProcessSpec, 'network' | 'country' | 'runDir' | 'logDir'>,
  kind: NodeProcessKind,
): Promise<boolean> {
  const { pidFile, markers } = names(spec, kind);
  const { pid } = livePid(pidFile, markers);
  if (pid === undefined) return false;
  process.kill(pid, 'SIGKILL');
  await stopProcess(pid, markers, 2_000);
  removeFile(pidFile);
  return true;
}

/** The last lines of one of a node's process logs: why a process that should run has ended. */
export function nodeProcessLogTail(
  spec: Pick<NodeProcessSpec, 'network' | 'country' | 'runDir' | 'logDir'>,
  kind: NodeProcessKind,
  lines = 25,
): string {
  return logTails([names(spec, kind).logFile], lines);
}

export function nodeLogFiles(spec: Pick<NodeProcessSpec, 'network' | 'country' | 'runDir' | 'logDir'>): string[] {
  return (Object.keys(ENTRY_POINTS) as ProcessKind[]).map((kind) => names(spec, kind).logFile);
}

/**
 * Waits until the node's API answers its health check. Given the node's spec, it also watches the node's processes
 * and fails at once, with the tail of their logs, when one has ended (a port taken, a bad setting): no minute is
 * spent polling a process that is gone.
 */
export async function waitForNodeApi(
  apiUrl: string,
  timeoutMs = 60_000,
  spec?: Pick<NodeProcessSpec, 'network' | 'country' | 'runDir' | 'logDir' | 'mode'>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${apiUrl}/api/v1/health`);
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    const ended = spec && endedProcesses(spec);
    if (ended && ended.length > 0) {
      throw new Error(
        `the ${spec.country} node's ${ended.join(' and ')} ended before its API at ${apiUrl} became healthy\n` +
          logTails(ended.map((kind) => names(spec, kind).logFile)),
      );
    }
    await sleep(300);
  }
  throw new Error(`the node API at ${apiUrl} did not become healthy within ${timeoutMs / 1000} s (${lastError})`);
}

function endedProcesses(
  spec: Pick<NodeProcessSpec, 'network' | 'country' | 'runDir' | 'logDir' | 'mode'>,
): ProcessKind[] {
  return kindsOf(spec.mode).filter((kind) => {
    const { pidFile, markers } = names(spec, kind);
    return livePid(pidFile, markers).pid === undefined;
  });
}
