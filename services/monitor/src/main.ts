import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { configureMonitorHttp } from './monitor.http';
import { MonitorModule } from './monitor.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(MonitorModule, { bodyParser: true, bufferLogs: true });
  const config = configureMonitorHttp(app);
  await app.listen(config.httpPort, config.httpHost);
}

bootstrap().catch((error: Error) => {
  console.error(`monitor failed to start: ${error.message}`);
  process.exit(1);
});
