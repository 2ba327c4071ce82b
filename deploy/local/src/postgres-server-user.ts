// PostgreSQL refuses to run as root. When this command runs as root (CI does, and so do some development
// containers), initdb and the server run as the unprivileged user `postgres` (Debian's package makes it; made here
// when it is missing). That user must own the cluster's folder and be able to reach it from /.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Log } from './component';
import { runCommand, tailText } from './processes';

export const SERVER_USER_NAME = 'postgres';

export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/** A user's uid and primary gid from the system's user database (getent: also users from NSS). */
function lookUpUser(name: string): ServerUser | undefined {
  const result = spawnSync('getent', ['passwd', name], { encoding: 'utf8' });
  const fields = result.status === 0 ? result.stdout.trim().split(':') : [];
  if (fields.length < 4) return undefined;
  return { name, uid: Number(fields[2]), gid: Number(fields[3]) };
}

/** The user `postgres`, made as a system user without a home or a login shell when it does not exist. */
export async function ensureServerUser(log: Log): Promise<ServerUser> {
  const existing = lookUpUser(SERVER_USER_NAME);
  if (existing) return existing;
  const result = await runCommand('useradd', [
    '--system',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    SERVER_USER_NAME,
  ]);
  const made = lookUpUser(SERVER_USER_NAME);
  if (result.code !== 0 || made === undefined) {
    throw new Error(
      `could not create the system user ${SERVER_USER_NAME} (exit ${result.code}):\n${tailText(result.output)}`,
    );
  }
  log(`created the system user ${SERVER_USER_NAME} (uid ${made.uid}): PostgreSQL does not run as root`);
  return made;
}

/**
 * The command line that runs `command` as `user` (or as it is, without a user). setpriv executes the program in
 * its own place, unlike runuser, which stays as its parent: the pid we record is the server's, and our signals
 * reach the server itself. Supplementary groups are dropped: root's must not follow it.
 */
export function asServerUser(user: ServerUser | undefined, command: string, args: string[]): [string, string[]] {
  if (user === undefined) return [command, args];
  return [
    'setpriv',
    ['--reuid', String(user.uid), '--regid', String(user.gid), '--clear-groups', '--', command, ...args],
  ];
}

/** Gives `dir` and everything below it to `user`, when `dir` is not its already (data of an earlier run as someone else). */
export function giveTree(dir: string, user: ServerUser, log: Log): void {
  const stat = fs.lstatSync(dir);
  if (stat.uid === user.uid && stat.gid === user.gid) return;
  const give = (p: string): void => {
    fs.lchownSync(p, user.uid, user.gid);
    if (fs.lstatSync(p).isDirectory()) for (const entry of fs.readdirSync(p)) give(path.join(p, entry));
  };
  give(dir);
  log(`gave ${dir} to the user ${user.name}: the server runs as that user and must own its files`);
}

/** The search bit of `mode` that applies to `user` for a file owned by `uid`:`gid` (supplementary groups aside). */
export function searchBitFor(user: ServerUser, uid: number, gid: number): { bit: number; who: 'u' | 'g' | 'o' } {
  if (uid === user.uid) return { bit: 0o100, who: 'u' };
  if (gid === user.gid) return { bit: 0o010, who: 'g' };
  return { bit: 0o001, who: 'o' };
}

/**
 * Makes every folder above `target` searchable by `user`, adding only the search bit (never read) where it lacks
 * it: a fresh clone in a `mktemp -d` folder is root's and mode 700, and the server could not reach its data.
 */
export function grantTraversal(target: string, user: ServerUser, log: Log): void {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const stat = fs.statSync(dir);
    const { bit, who } = searchBitFor(user, stat.uid, stat.gid);
    if ((stat.mode & bit) === 0) {
      fs.chmodSync(dir, (stat.mode & 0o7777) | bit);
      log(
        `made ${dir} searchable (${who}+x, not readable) for the user ${user.name}: ` +
          `the server runs as that user and must reach ${target} below it`,
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}
