// A lock file so that concurrent `up`/`down` calls (e.g. several Jest runs started at once)
// do not start or stop the same processes twice. A lock left by a dead process is taken over.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Log } from './component';
import { readPidFile, sleep } from './processes';

function holderAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryAcquire(lockFile: string): boolean {
  try {
    const fd = fs.openSync(lockFile, 'wx');
    fs.writeSync(fd, `${process.pid}\n`);
    fs.closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  }
}

export async function withLock<T>(
  lockFile: string,
  fn: () => Promise<T>,
  options: { log: Log; timeoutMs?: number },
): Promise<T> {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + (options.timeoutMs ?? 20 * 60_000);
  let told = false;
  while (!tryAcquire(lockFile)) {
    const holder = readPidFile(lockFile);
    if (holder === undefined || !holderAlive(holder)) {
      // left by a process that died (or half-written: give it a moment first)
      if (holder === undefined) await sleep(200);
      if (readPidFile(lockFile) === holder) fs.rmSync(lockFile, { force: true });
      continue;
    }
    if (!told) {
      options.log(`waiting for another infra command (pid ${holder}) to finish...`);
      told = true;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for the lock ${lockFile} held by pid ${holder}`);
    await sleep(500);
  }
  try {
    return await fn();
  } finally {
    if (readPidFile(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
  }
}
