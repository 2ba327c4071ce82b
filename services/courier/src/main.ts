import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CourierModule } from './courier.module';

/** The courier as a process of its own (production); services/node runs it beside node-api in one process. */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(CourierModule, { bufferLogs: false });
  app.enableShutdownHooks();
  await app.init();
}

bootstrap().catch((error: Error) => {
  console.error(`courier failed to start: ${error.message}`);
  process.exit(1);
});
