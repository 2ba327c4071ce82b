// Where PostgreSQL's server binaries come from: the bin folder named by ENLACE_POSTGRES_BIN, else Debian's
// /usr/lib/postgresql/<major>/bin (the one that made the existing cluster, else the newest), else Debian's server
// package, installed once with apt-get. There is no download of our own: Debian's packages are what the machines
// that build this project reach.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Log } from './component';
import { REPO_ROOT } from './paths';
import { runCommand, tailText } from './processes';

/** Debian's layout: one folder per major version, each with its own bin/. */
export const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';
const APT_GET = '/usr/bin/apt-get';
const CREATECLUSTER_CONF = '/etc/postgresql-common/createcluster.conf';

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Whether a folder holds a server and the initdb that goes with it. */
export function holdsServer(bin: string): boolean {
  return isExecutable(path.join(bin, 'postgres')) && isExecutable(path.join(bin, 'initdb'));
}

/** ENLACE_POSTGRES_BIN as an absolute path (a relative one is taken from the repository root), when set. */
export function configuredPostgresBin(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env['ENLACE_POSTGRES_BIN'];
  return raw !== undefined && raw.trim() !== '' ? path.resolve(REPO_ROOT, raw.trim()) : undefined;
}

/** Debian's major-version folder names, newest first ("17", "15", "9.6"); anything else is left out. */
export function newestMajorsFirst(names: string[]): string[] {
  return names.filter((n) => /^\d+(\.\d+)?$/.test(n)).sort((a, b) => Number(b) - Number(a));
}

/**
 * The bin folder to use, or undefined when there is none (yet). `clusterMajor`, the version that made an existing
 * cluster, is preferred: a server of another major version cannot open it.
 */
export function findPostgresBin(
  env: NodeJS.ProcessEnv,
  clusterMajor?: string,
  root: string = DEBIAN_POSTGRES_ROOT,
): string | undefined {
  const configured = configuredPostgresBin(env);
  if (configured !== undefined) return holdsServer(configured) ? configured : undefined;
  let majors: string[];
  try {
    majors = newestMajorsFirst(fs.readdirSync(root));
  } catch {
    return undefined;
  }
  if (clusterMajor !== undefined && majors.includes(clusterMajor)) majors.unshift(clusterMajor);
  return majors.map((major) => path.join(root, major, 'bin')).find(holdsServer);
}

/** Whether Debian's server package can be installed here (apt-get exists, and we are root or have sudo). */
export function canInstallPostgres(): boolean {
  if (!fs.existsSync(APT_GET)) return false;
  return process.getuid?.() === 0 || isExecutable('/usr/bin/sudo');
}

async function run(sudo: boolean, command: string, args: string[], input?: string): Promise<void> {
  // sudo resets the environment: `env` carries DEBIAN_FRONTEND through it
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [program, programArgs] = sudo
    ? ['sudo', ['env', 'DEBIAN_FRONTEND=noninteractive', command, ...args]]
    : [command, args];
  const result = await runCommand(program, programArgs, { env, ...(input !== undefined && { input }) });
  if (result.code !== 0) {
    throw new Error(`${[program, ...programArgs].join(' ')} failed (exit ${result.code}):\n${tailText(result.output)}`);
  }
}

/**
 * Debian's postgresql package creates and starts a cluster of its own ("main", on port 5432) unless
 * createcluster.conf says not to. We run our own cluster under the state folder, so we say so before the first
 * install; an existing file is the machine's administrator's, and is left as it is.
 */
async function keepPackageFromCreatingACluster(sudo: boolean, log: Log): Promise<void> {
  if (fs.existsSync(CREATECLUSTER_CONF)) {
    if (!/^\s*create_main_cluster\s*=\s*false\b/m.test(fs.readFileSync(CREATECLUSTER_CONF, 'utf8'))) {
      log(`${CREATECLUSTER_CONF} exists: left as it is (the package may create its own cluster on port 5432)`);
    }
    return;
  }
  const content = [
    "# Written by Enlace's deploy/local before installing Debian's postgresql package: the project runs its own",
    '# cluster under its state folder, so the package must not create and start one of its own on port 5432.',
    'create_main_cluster = false',
    '',
  ].join('\n');
  await run(sudo, 'mkdir', ['-p', path.dirname(CREATECLUSTER_CONF)]);
  await run(sudo, 'tee', [CREATECLUSTER_CONF], content);
  log(`wrote ${CREATECLUSTER_CONF} (create_main_cluster = false)`);
}

/** Installs Debian's server package (sudo when not root) and returns its bin folder. */
export async function installPostgres(env: NodeJS.ProcessEnv, log: Log): Promise<string> {
  const sudo = process.getuid?.() !== 0;
  log(`no PostgreSQL server binaries found: installing Debian's postgresql package${sudo ? ' with sudo' : ''}...`);
  const started = Date.now();
  await keepPackageFromCreatingACluster(sudo, log);
  await run(sudo, 'apt-get', ['update', '-qq']);
  await run(sudo, 'apt-get', ['install', '-y', '-qq', 'postgresql']);
  const bin = findPostgresBin(env);
  if (bin === undefined) {
    throw new Error(`the postgresql package is installed but ${DEBIAN_POSTGRES_ROOT}/<major>/bin has no server`);
  }
  log(`installed (${bin}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return bin;
}
