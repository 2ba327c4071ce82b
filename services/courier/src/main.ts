import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { observeHttp, useJsonLogs } from '@enlace/observability';
import { COURIER_CONFIG, CourierConfig } from './config/courier.config';
import { CourierModule } from './courier.module';
import { courierConfigSchema } from './config/courier.settings';

/**
 * The courier as a process of its own (production); services/node runs it beside node-api in one process. Its only
 * HTTP routes are the probes and /metrics, served when ENLACE_COURIER_HTTP_PORT asks for them.
 */
async function bootstrap(): Promise<void> {
  // every setting at once, named in one message, before the modules read theirs
  courierConfigSchema.read();
  const app = await NestFactory.create<NestExpressApplication>(CourierModule, { bufferLogs: true, bodyParser: false });
  const config = app.get<CourierConfig>(COURIER_CONFIG);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  if (config.opsHttpPort === undefined) {
    useJsonLogs(app);
    await app.init();
    return;
  }
  observeHttp(app);
  await app.listen(config.opsHttpPort, config.opsHttpHost);
}

bootstrap().catch((error: Error) => {
  console.error(`courier failed to start: ${error.message}`);
  process.exit(1);
});
