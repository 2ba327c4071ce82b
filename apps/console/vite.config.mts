import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** In `vite` dev mode, the APIs are reached through the console server of a running `npm run up`. */
function consoleServerOfDemo(): string | undefined {
  const file = `${repoRoot}.enlace/network.json`;
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { consoleUrl?: string }).consoleUrl;
}

export default defineConfig(() => {
  const target = consoleServerOfDemo();
  const proxy = target
    ? Object.fromEntries(['/nodes', '/monitor', '/console-config.json'].map((path) => [path, { target }]))
    : undefined;
  return {
    root,
    plugins: [react()],
    // The typed API clients come from the workspace's own lib; of the contracts, only the node API's generated types
    // and enum values (a module with no imports), nothing of their validators.
    resolve: {
      alias: {
        '@enlace/client': `${repoRoot}libs/client/src/index.ts`,
        '@enlace/contracts/node-api': `${repoRoot}libs/contracts/src/generated/node-api.generated.ts`,
      },
    },
    build: { outDir: `${repoRoot}dist/apps/console`, emptyOutDir: true, sourcemap: true },
    server: { host: '127.0.0.1', ...(proxy ? { proxy } : {}) },
  };
});
