import type { ConfigSchema, SettingsShape } from '@enlace/config';
import { consoleServerConfigSchema } from '@enlace/console-server';
import { courierConfigSchema } from '@enlace/courier';
import { monitorConfigSchema } from '@enlace/monitor';
import { nodeApiConfigSchema } from '@enlace/node-api';
import { nodeConfigSchema } from '../../services/node/src/config/node.settings';

/** One process a deployer runs, and the schema of what it reads from its environment. */
export interface ServiceSchema {
  /** Its name in headings and in the repository (services/<name>, apps/<name>). */
  readonly name: string;
  /** Where its source lives; its .env.example goes there. */
  readonly folder: string;
  /** The file that declares its schema, for readers who want the code. */
  readonly schemaFile: string;
  /** How it is started once built (npm run build). */
  readonly entry: string;
  /** What it is, in a sentence. */
  readonly summary: string;
  readonly schema: ConfigSchema<SettingsShape>;
}

/** Every service's schema, in the order docs/configuration.md presents them. */
export const SERVICE_SCHEMAS: readonly ServiceSchema[] = [
  {
    name: 'node-api',
    folder: 'services/node-api',
    schemaFile: 'services/node-api/src/config/node-api.settings.ts',
    entry: 'node dist/services/node-api/src/main.js',
    summary: "A country's HTTP API for its focal points; owns the node's cases in the node's database.",
    schema: nodeApiConfigSchema,
  },
  {
    name: 'courier',
    folder: 'services/courier',
    schemaFile: 'services/courier/src/config/courier.settings.ts',
    entry: 'node dist/services/courier/src/main.js',
    summary:
      "A country's border: the only process that holds the node's private keys and talks to the network's topics.",
    schema: courierConfigSchema,
  },
  {
    name: 'node',
    folder: 'services/node',
    schemaFile: 'services/node/src/config/node.settings.ts',
    entry: 'node dist/services/node/src/main.js',
    summary:
      'A whole country node in one process, node-api and its courier together (development and the demo): it reads ' +
      "both services' settings, each shared one once.",
    schema: nodeConfigSchema,
  },
  {
    name: 'monitor',
    folder: 'services/monitor',
    schemaFile: 'services/monitor/src/config/monitor.settings.ts',
    entry: 'node dist/services/monitor/src/main.js',
    summary: "The secretariat's monitor: reads envelope headers across the network, never payloads.",
    schema: monitorConfigSchema,
  },
  {
    name: 'console-server',
    folder: 'apps/console-server',
    schemaFile: 'apps/console-server/src/config/console-server.settings.ts',
    entry: 'node dist/apps/console-server/src/main.js',
    summary: "Serves the built console and forwards the browser's API calls to the node APIs and the monitor.",
    schema: consoleServerConfigSchema,
  },
];
