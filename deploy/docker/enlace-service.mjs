// The image's entry point: runs the service its first argument names, from the compiled workspace in dist/.
// Plain Node (no build step of its own), so the image needs nothing but `node`.
import { pathToFileURL } from 'node:url';

const SERVICES = {
  'node-api': 'dist/services/node-api/src/main.js',
  courier: 'dist/services/courier/src/main.js',
  node: 'dist/services/node/src/main.js',
  monitor: 'dist/services/monitor/src/main.js',
  console: 'dist/apps/console-server/src/main.js',
};

const name = process.argv[2] ?? 'node-api';
const main = SERVICES[name];
if (!main) {
  console.error(`unknown service "${name}": expected one of ${Object.keys(SERVICES).join(', ')}`);
  process.exit(64);
}
await import(pathToFileURL(`/app/${main}`).href);
