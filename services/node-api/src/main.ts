import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { NodeApiModule } from './node-api.module';
import { configureNodeApiHttp } from './node-api.http';
import { nodeApiConfigSchema } from './config/node-api.settings';

/** node-api as a process of its own (production); services/node runs it beside the courier in one process. */
async function bootstrap(): Promise<void> {
  // every setting at once, before its modules read their parts of them (the node's and the authentication's)
  nodeApiConfigSchema.read();
  const app = await NestFactory.create<NestExpressApplication>(NodeApiModule, { bodyParser: true, bufferLogs: true });
  const config = configureNodeApiHttp(app);
  await app.listen(config.httpPort, config.httpHost);
}

bootstrap().catch((error: Error) => {
  console.error(`node-api failed to start: ${error.message}`);
  process.exit(1);
});
