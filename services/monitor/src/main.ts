import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { configureMonitorHttp } from './monitor.http';
import { MonitorModule } from './monitor.module';
import { monitorConfigSchema } from './config/monitor.settings';

async function bootstrap(): Promise<void> {
  // every setting at once, named in one message, before the modules read theirs
  monitorConfigSchema.read();
  const app = await NestFactory.create<NestExpressApplication>(MonitorModule, { bodyParser: true, bufferLogs: true });
  const config = configureMonitorHttp(app);
  await app.listen(config.httpPort, config.httpHost);
}

bootstrap().catch((error: Error) => {
  console.error(`monitor failed to start: ${error.message}`);
  process.exit(1);
});
