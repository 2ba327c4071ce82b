export { createConsoleServer, type ConsoleConfigView } from './console-server';
export { readConsoleSettings, type ConsoleSettings } from './console-settings';
