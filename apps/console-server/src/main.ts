import { createConsoleServer } from './console-server';
import { readConsoleSettings } from './config/console-settings';

function main(): void {
  const settings = readConsoleSettings();
  const server = createConsoleServer(settings).listen(settings.port, settings.host, () => {
    console.warn(`console listening on http://${settings.host}:${settings.port}`);
  });
  const stop = (): void => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

try {
  main();
} catch (error) {
  console.error(`console failed to start: ${(error as Error).message}`);
  process.exit(1);
}
