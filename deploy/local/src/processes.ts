// Small process helpers: run a command to completion, start a detached one with a pid file,
// tell whether a pid is (still) ours, stop it, and read the tail of a log.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface RunResult {
  code: number | null;
  output: string;
}

/**
 * Runs a command to completion, capturing stdout and stderr together (never throws for a non-zero exit); `input`,
 * when given, is its standard input (how secrets reach it: never on a command line).
 */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    const append = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    child.on('error', (err) => resolve({ code: null, output: `${output}${err.message}\n` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Last `lines` lines of a text file ('' when it does not exist). */
export function tailFile(file: string, lines = 25): string {
  let text: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, size - length);
      text = buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export function tailText(text: string, lines = 25): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Formats the tails of some log files for an error message. */
export function logTails(files: string[], lines = 25): string {
  return files
    .map((file) => {
      // only this run's output: what follows the last "=== ... starting" line written by spawnDetached
      const all = tailFile(file, 400).split('\n');
      const header = all.map((l) => l.startsWith('=== ')).lastIndexOf(true);
      const tail = all
        .slice(header + 1)
        .slice(-lines)
        .join('\n')
        .trim();
      return tail ? `--- last lines of ${file} ---\n${tail}` : '';
    })
    .filter(Boolean)
    .join('\n');
}

export function readPidFile(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function writePidFile(file: string, pid: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${pid}\n`);
}

export function removeFile(file: string): void {
  fs.rmSync(file, { force: true });
}

/** The command line of a process as its arguments; undefined when unknown (no /proc) or gone. */
function commandLine(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.charAt(stat.lastIndexOf(')') + 2);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

/** Whether a command line has every marker as one of its arguments (exact match). */
function matches(args: string[], markers: string[]): boolean {
  return markers.every((m) => args.includes(m));
}

/**
 * Whether `pid` is a live process whose arguments include every marker (e.g. the path of the
 * launcher binary, or kafka.Kafka and the server.properties path). A zombie counts as dead;
 * a pid reused by another program counts as not ours (false).
 */
export function isOurProcess(pid: number, markers: string[]): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (isZombie(pid)) return false;
  if (!fs.existsSync('/proc/self/cmdline')) return true; // no /proc (not Linux): trust the signal check
  const args = commandLine(pid);
  return args !== undefined && matches(args, markers);
}

/**
 * Whether `pid` is a live process (not a zombie), whatever its command line: for a process this one has just
 * spawned. Its command line cannot be trusted yet: while it execs (setpriv execs the server in turn) the kernel
 * shows it empty for a moment, and a check by markers then finds "no process of ours" although it runs.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

/** Linux: a live process of ours that has no (valid) pid file, e.g. after the pid file was deleted. */
export function findProcess(markers: string[]): number | undefined {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const args = commandLine(pid);
    if (args && matches(args, markers) && !isZombie(pid)) return pid;
  }
  return undefined;
}

/**
 * The pid of our live process: the one in `pidFile` when valid, else one found by its command
 * line (then the pid file is rewritten). A stale pid file is removed (stale: true).
 */
export function livePid(pidFile: string, markers: string[]): { pid?: number; stale: boolean } {
  const recorded = readPidFile(pidFile);
  if (recorded !== undefined && isOurProcess(recorded, markers)) return { pid: recorded, stale: false };
  const stale = fs.existsSync(pidFile);
  if (stale) removeFile(pidFile);
  const found = findProcess(markers);
  if (found !== undefined) {
    writePidFile(pidFile, found);
    return { pid: found, stale };
  }
  return { stale };
}

/**
 * Starts a long-running process detached from this one (own process group, stdio appended to
 * `logFile`, unref'd), and records its pid in `pidFile`.
 */
export async function spawnDetached(
  command: string,
  args: string[],
  options: { cwd: string; logFile: string; pidFile: string; env?: NodeJS.ProcessEnv },
): Promise<number> {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const out = fs.openSync(options.logFile, 'a');
  try {
    fs.writeSync(out, `\n=== ${new Date().toISOString()} starting ${path.basename(command)} ===\n`);
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', out, out],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${command}`);
    writePidFile(options.pidFile, child.pid);
    return child.pid;
  } finally {
    fs.closeSync(out);
  }
}

/**
 * Stops a process: `signal` (SIGTERM unless the program stops faster on another one), wait up to `graceMs`, then
 * SIGKILL. Returns how it ended. Safe to call for a process that has already gone. `markers` tell our process from
 * another that took its pid; 'just-spawned' for one this process has just started (see isRunning).
 */
export async function stopProcess(
  pid: number,
  markers: string[] | 'just-spawned',
  graceMs = 20_000,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<'not-running' | 'terminated' | 'killed'> {
  const alive = markers === 'just-spawned' ? () => isRunning(pid) : () => isOurProcess(pid, markers);
  if (!alive()) return 'not-running';
  try {
    process.kill(pid, signal);
  } catch {
    return 'not-running';
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await sleep(200);
    if (!alive()) return 'terminated';
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'terminated';
  }
  for (let i = 0; i < 50 && alive(); i++) await sleep(100);
  return 'killed';
}

/** Newest modification time (ms) of the given files; 0 when none exists. */
export function newestMtime(files: string[]): number {
  let newest = 0;
  for (const file of files) {
    try {
      newest = Math.max(newest, fs.statSync(file).mtimeMs);
    } catch {
      // missing file: ignore
    }
  }
  return newest;
}
