// The image's entry point: runs the service its first argument names, from the compiled workspace in dist/, or
// the operators' command line (`docker run <image> enlace node init ...`). Plain Node, so the image needs nothing
// but `node`.
import { pathToFileURL } from 'node:url';

const SERVICES = {
  'node-api': 'dist/services/node-api/src/main.js',
  courier: 'dist/services/courier/src/main.js',
  node: 'dist/services/node/src/main.js',
  monitor: 'dist/services/monitor/src/main.js',
  console: 'dist/apps/console-server/src/main.js',
  enlace: 'dist/apps/cli/src/main.js',
};

const name = process.argv[2] ?? 'node-api';
const main = SERVICES[name];
if (!main) {
  console.error(`unknown service "${name}": expected one of ${Object.keys(SERVICES).join(', ')}`);
  process.exit(64);
}
// What follows the name is the program's own arguments (the CLI's command line).
process.argv.splice(2, 1);
await import(pathToFileURL(`/app/${main}`).href);
