import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { configureNodeApiHttp } from '@enlace/node-api';
import { nodeConfigSchema } from './config/node.settings';
import { NodeModule } from './node.module';

async function bootstrap(): Promise<void> {
  // both services' settings at once, before each module reads its own part of them
  nodeConfigSchema.read();
  const app = await NestFactory.create<NestExpressApplication>(NodeModule, { bufferLogs: true });
  const config = configureNodeApiHttp(app);
  await app.listen(config.httpPort, config.httpHost);
}

bootstrap().catch((error: Error) => {
  console.error(`node failed to start: ${error.message}`);
  process.exit(1);
});
