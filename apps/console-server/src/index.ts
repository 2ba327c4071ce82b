export { createConsoleServer, type ConsoleConfigView } from './console-server';
export { readConsoleSettings, type ConsoleSettings } from './config/console-settings';
export * from './config/console-server.settings';
