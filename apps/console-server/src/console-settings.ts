import * as path from 'node:path';
import { COUNTRY_CODE, ConfigurationError, EnvReader } from '@enlace/config';

/** Where the console server listens, what it serves and where it forwards the browser's API calls. */
export interface ConsoleSettings {
  readonly host: string;
  readonly port: number;
  /** The built single-page application (index.html and its assets). */
  readonly staticDir: string;
  /** Each country's node API base address, e.g. { CO: 'http://127.0.0.1:18001' }. */
  readonly nodes: Readonly<Record<string, string>>;
  /** The secretariat's monitor, when the network has one. */
  readonly monitorUrl?: string;
}

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${name} must hold http(s) addresses`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigurationError(`${name} must hold http(s) addresses`);
  return url.toString().replace(/\/+$/, '');
}

/**
 * ENLACE_CONSOLE_NODES lists the node APIs as `CO=http://127.0.0.1:18001,EC=http://127.0.0.1:18002`;
 * ENLACE_MONITOR_URL is optional; ENLACE_CONSOLE_STATIC_DIR defaults to the Vite build in dist/apps/console.
 */
export function readConsoleSettings(env: NodeJS.ProcessEnv = process.env, repoRoot = process.cwd()): ConsoleSettings {
  const reader = new EnvReader(env);
  const nodes: Record<string, string> = {};
  for (const entry of reader.list('ENLACE_CONSOLE_NODES')) {
    const [country = '', url = ''] = entry.split(/=(.*)/s, 2).map((part) => part.trim());
    if (!COUNTRY_CODE.test(country)) throw new ConfigurationError('ENLACE_CONSOLE_NODES must name countries as CC=url');
    nodes[country] = httpUrl('ENLACE_CONSOLE_NODES', url);
  }
  const monitor = reader.optional('ENLACE_MONITOR_URL');
  return {
    host: reader.optional('ENLACE_CONSOLE_HOST') ?? '127.0.0.1',
    port: reader.integer('ENLACE_CONSOLE_PORT', 18080, 1),
    staticDir: path.resolve(repoRoot, reader.optional('ENLACE_CONSOLE_STATIC_DIR') ?? 'dist/apps/console'),
    nodes,
    ...(monitor ? { monitorUrl: httpUrl('ENLACE_MONITOR_URL', monitor) } : {}),
  };
}
