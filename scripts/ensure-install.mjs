// Installs the npm dependencies when they are missing or older than the lockfile, so that `npm test` and
// `npm run up` work on a fresh clone with nothing but Node and npm. Plain Node: it runs before anything else.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  // `npm install` honours the committed lockfile. Not `npm ci`: registries that serve only this platform's
  // optional binaries (e.g. @swc/core-darwin-*) leave them out of the lockfile, and `npm ci` then refuses it.
  console.log('Installing npm dependencies from the lockfile...');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
