// Makes sure the browser test has Debian's Chromium (never a browser download): when /usr/bin/chromium (or
// $ENLACE_CHROMIUM) is missing and apt-get is there, installs the `chromium` package. Plain Node, like
// ensure-install.mjs, so that `npm test` works on a fresh machine.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browser = process.env.ENLACE_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(browser)) {
  if (!existsSync('/usr/bin/apt-get')) {
    console.error(`${browser} is missing and apt-get is not available: install Chromium, or set ENLACE_CHROMIUM.`);
    process.exit(1);
  }
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.log(`Installing Debian's chromium for the browser test (${browser} is missing)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq chromium`, { stdio: 'inherit', env });
}
