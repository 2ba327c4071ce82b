import * as path from 'node:path';
import { consoleServerConfigSchema } from './console-server.settings';

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

/** The console server's settings (console-server.settings.ts), or a ConfigurationError naming every problem. */
export function readConsoleSettings(env: NodeJS.ProcessEnv = process.env, repoRoot = process.cwd()): ConsoleSettings {
  const settings = consoleServerConfigSchema.read(env);
  const monitorUrl = settings.ENLACE_MONITOR_URL;
  return {
    host: settings.ENLACE_CONSOLE_HOST,
    port: settings.ENLACE_CONSOLE_PORT,
    staticDir: path.resolve(repoRoot, settings.ENLACE_CONSOLE_STATIC_DIR),
    nodes: settings.ENLACE_CONSOLE_NODES,
    ...(monitorUrl ? { monitorUrl } : {}),
  };
}
