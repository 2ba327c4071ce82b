import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { configureNodeApiHttp } from '@enlace/node-api';
import { NodeModule } from './node.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(NodeModule, { bufferLogs: true });
  const config = configureNodeApiHttp(app);
  await app.listen(config.httpPort, config.httpHost);
}

bootstrap().catch((error: Error) => {
  console.error(`node failed to start: ${error.message}`);
  process.exit(1);
});
