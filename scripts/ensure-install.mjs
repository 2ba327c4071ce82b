// Installs the npm dependencies when they are missing or older than the lockfile, so that `npm test` and
// `npm run up` work on a fresh clone with nothing but Node and npm. Plain Node: it runs before anything else.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  console.log('Installing npm dependencies (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
