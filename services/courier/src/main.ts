import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CourierModule } from './courier.module';
import { courierConfigSchema } from './config/courier.settings';

/** The courier as a process of its own (production); services/node runs it beside node-api in one process. */
async function bootstrap(): Promise<void> {
  // every setting at once, named in one message, before the modules read theirs
  courierConfigSchema.read();
  const app = await NestFactory.createApplicationContext(CourierModule, { bufferLogs: false });
  app.enableShutdownHooks();
  await app.init();
}

bootstrap().catch((error: Error) => {
  console.error(`courier failed to start: ${error.message}`);
  process.exit(1);
});
