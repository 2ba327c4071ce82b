// PostgreSQL, the node's store: one local cluster under the state folder, made once with initdb and run from
// Debian's server binaries (see postgres-binaries.ts), as the user `postgres` when this command runs as root.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { LocalComponent, Log } from './component';
import { HOST, type InfraPaths, type InfraPorts } from './paths';
import { canInstallPostgres, findPostgresBin, installPostgres } from './postgres-binaries';
import {
  asServerUser,
  ensureServerUser,
  giveTree,
  grantTraversal,
  runsAsRoot,
  type ServerUser,
} from './postgres-server-user';
import type { Tool } from './prerequisites';
import { probePostgres } from './probes';
import { runCommand, spawnDetached, tailText } from './processes';

/** The cluster's superuser; it needs no password: the server listens on 127.0.0.1 and its socket only. */
export const POSTGRES_SUPERUSER = 'enlace';

/** A unix socket's path must fit in sockaddr_un (107 bytes on Linux); the server refuses a longer one. */
const MAX_SOCKET_PATH = 107;

/** The server's URL on its maintenance database, `postgres`: a program makes its own databases from there. */
export function postgresServerUrl(port: number): string {
  return `postgres://${POSTGRES_SUPERUSER}@${HOST}:${port}/postgres`;
}

/**
 * The server's settings, given on its command line (so the cluster's postgresql.conf stays as initdb wrote it).
 * Sized for a development and test cluster on a small machine: many short-lived test pools at once, a modest
 * cache. fsync and synchronous_commit stay on: the project measures real durability, not a faster lie.
 */
export function serverSettings(paths: InfraPaths, ports: InfraPorts): string[] {
  return [
    `listen_addresses=${HOST}`,
    `port=${ports.postgres}`,
    `unix_socket_directories=${paths.postgres.run}`,
    'max_connections=300',
    'shared_buffers=128MB',
    'fsync=on',
    'synchronous_commit=on',
    // the processes show which cluster they serve in ps
    'cluster_name=enlace',
  ].flatMap((setting) => ['-c', setting]);
}

/** The major version that made the existing cluster (its PG_VERSION), if there is one. */
function clusterMajor(paths: InfraPaths): string | undefined {
  try {
    return fs.readFileSync(path.join(paths.postgres.data, 'PG_VERSION'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The server's environment: its path and time zone only. Ours may hold secrets (the broker's super user's
 * password, for one) that a database server has no use for.
 */
function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: env['PATH'] ?? '/usr/bin:/bin',
    LC_ALL: 'C',
    ...(env['TZ'] !== undefined && { TZ: env['TZ'] }),
  };
}

async function initdb(
  paths: InfraPaths,
  bin: string,
  user: ServerUser | undefined,
  env: NodeJS.ProcessEnv,
  log: Log,
): Promise<void> {
  // a folder without PG_VERSION is an initdb that did not finish: start again from nothing
  fs.rmSync(paths.postgres.data, { recursive: true, force: true });
  log(`initialising the cluster in ${paths.postgres.data} (first run only)...`);
  const [command, args] = asServerUser(user, path.join(bin, 'initdb'), [
    '-D',
    paths.postgres.data,
    '-U',
    POSTGRES_SUPERUSER,
    // trust: the cluster listens on 127.0.0.1 and on a socket inside the state folder, and holds test data only
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
  ]);
  const result = await runCommand(command, args, { cwd: paths.postgres.dir, env: serverEnv(env) });
  if (result.code !== 0 || clusterMajor(paths) === undefined) {
    throw new Error(`initdb failed (exit ${result.code}):\n${tailText(result.output, 30)}`);
  }
}

export function postgresComponent(paths: InfraPaths, ports: InfraPorts, env: NodeJS.ProcessEnv): LocalComponent {
  // found (or installed) by prepare(), used by start()
  let bin: string | undefined;
  let user: ServerUser | undefined;

  return {
    name: 'postgres',
    host: HOST,
    ports: [ports.postgres],
    pidFile: paths.postgres.pidFile,
    // the data folder is on the server's command line: tells this state folder's cluster apart
    markers: ['-D', paths.postgres.data],
    // SIGINT is PostgreSQL's fast shutdown (clients are disconnected); SIGTERM waits for every client to leave
    stopSignal: 'SIGINT',
    logFiles: [paths.postgres.log],

    toolsNeeded(): Tool[] {
      return ['postgres'];
    },

    async prepare(log: Log): Promise<void> {
      bin = findPostgresBin(env, clusterMajor(paths));
      if (bin === undefined) {
        if (!canInstallPostgres()) throw new Error('no PostgreSQL server binaries, and apt-get cannot install them');
        bin = await installPostgres(env, log);
      }
      const socket = path.join(paths.postgres.run, `.s.PGSQL.${ports.postgres}`);
      if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
        throw new Error(
          `the server's socket path ${socket} is longer than ${MAX_SOCKET_PATH} bytes: choose a shorter ENLACE_HOME`,
        );
      }
      for (const dir of [paths.postgres.dir, paths.postgres.logs, paths.postgres.run]) {
        fs.mkdirSync(dir, { recursive: true });
      }
      if (runsAsRoot()) {
        user = await ensureServerUser(log);
        giveTree(paths.postgres.dir, user, log);
        for (const dir of [paths.postgres.logs, paths.postgres.run]) giveTree(dir, user, log);
        if (fs.existsSync(paths.postgres.data)) giveTree(paths.postgres.data, user, log);
        grantTraversal(paths.postgres.data, user, log);
        grantTraversal(path.join(bin, 'postgres'), user, log);
      }
      if (clusterMajor(paths) === undefined) await initdb(paths, bin, user, env, log);
    },

    async start(log: Log): Promise<number> {
      if (bin === undefined) throw new Error('postgres: start() before prepare()');
      log(
        `starting on ${HOST}:${ports.postgres} (${bin}${user ? `, as the user ${user.name}` : ''}; ` +
          `data in ${paths.postgres.data})`,
      );
      const [command, args] = asServerUser(user, path.join(bin, 'postgres'), [
        '-D',
        paths.postgres.data,
        ...serverSettings(paths, ports),
      ]);
      return spawnDetached(command, args, {
        cwd: paths.postgres.dir,
        logFile: paths.postgres.log,
        pidFile: paths.postgres.pidFile,
        env: serverEnv(env),
      });
    },

    async probe(timeoutMs: number): Promise<void> {
      await probePostgres(postgresServerUrl(ports.postgres), timeoutMs);
    },
  };
}
