// FerretDB v1 (MongoDB wire protocol over SQLite), run through the small Go launcher in
// deploy/local/ferretdb, built on first use and whenever its sources change.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { LocalComponent, Log } from './component';
import { HOST, type InfraPaths, type InfraPorts } from './paths';
import type { Tool } from './prerequisites';
import { probeMongo } from './probes';
import { newestMtime, runCommand, spawnDetached, tailText } from './processes';

function sourceFiles(paths: InfraPaths): string[] {
  return ['main.go', 'go.mod', 'go.sum'].map((f) => path.join(paths.ferretdb.srcDir, f));
}

function needsBuild(paths: InfraPaths): boolean {
  let built: number;
  try {
    built = fs.statSync(paths.ferretdb.binary).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(sourceFiles(paths)) > built;
}

async function build(paths: InfraPaths, env: NodeJS.ProcessEnv, log: Log): Promise<void> {
  log('building the launcher with go (first build may take a few minutes)...');
  const started = Date.now();
  fs.mkdirSync(paths.bin, { recursive: true });
  const tmp = `${paths.ferretdb.binary}.tmp-${process.pid}`;
  const result = await runCommand('go', ['build', '-buildvcs=false', '-o', tmp, './'], {
    cwd: paths.ferretdb.srcDir,
    env,
  });
  if (result.code !== 0) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`go build of the FerretDB launcher failed (exit ${result.code}):\n${tailText(result.output, 30)}`);
  }
  fs.renameSync(tmp, paths.ferretdb.binary);
  log(`built ${paths.ferretdb.binary} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function ferretdbComponent(paths: InfraPaths, ports: InfraPorts, env: NodeJS.ProcessEnv): LocalComponent {
  return {
    name: 'ferretdb',
    host: HOST,
    ports: [ports.ferretdb],
    pidFile: paths.ferretdb.pidFile,
    // the launcher's absolute path is argv[0]: tells this state folder's launcher apart
    markers: [paths.ferretdb.binary],
    logFiles: [paths.ferretdb.log],

    toolsNeeded(): Tool[] {
      return needsBuild(paths) ? ['go'] : [];
    },

    async prepare(log: Log): Promise<void> {
      if (needsBuild(paths)) await build(paths, env, log);
      fs.mkdirSync(paths.ferretdb.data, { recursive: true });
      fs.mkdirSync(paths.ferretdb.logs, { recursive: true });
    },

    async start(log: Log): Promise<number> {
      log(`starting on ${HOST}:${ports.ferretdb} (SQLite data in ${paths.ferretdb.data})`);
      return spawnDetached(
        paths.ferretdb.binary,
        ['-listen', `${HOST}:${ports.ferretdb}`, '-data-dir', paths.ferretdb.data, '-log-level', 'warn'],
        { cwd: paths.ferretdb.dir, logFile: paths.ferretdb.log, pidFile: paths.ferretdb.pidFile, env },
      );
    },

    async probe(timeoutMs: number): Promise<void> {
      await probeMongo(HOST, ports.ferretdb, timeoutMs);
    },
  };
}
