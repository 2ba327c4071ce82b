import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { monitorApiDocument } from '@enlace/contracts';
import { answerClientErrorsWithProblems } from '@enlace/http';
import { OPERATIONS_ROUTES, observeHttp } from '@enlace/observability';
import helmet from 'helmet';
import { MONITOR_CONFIG, MonitorConfig } from './config/monitor.config';

export const API_PREFIX = 'api/v1';

/** Security headers, a bounded JSON body, the /api/v1 prefix, and Swagger UI at /docs showing the contract. */
export function configureMonitorHttp(app: INestApplication): MonitorConfig {
  const config = app.get<MonitorConfig>(MONITOR_CONFIG);
  const express = app as NestExpressApplication;
  observeHttp(app);
  express.disable('x-powered-by');
  express.set('trust proxy', config.trustedProxies);
  answerClientErrorsWithProblems(app.getHttpServer());
  app.use(helmet());
  express.useBodyParser('json', { limit: config.bodyLimit });
  // The probes and /metrics stay at the root, where orchestrators and Prometheus look for them.
  app.setGlobalPrefix(API_PREFIX, { exclude: [...OPERATIONS_ROUTES] });
  SwaggerModule.setup('docs', app, monitorApiDocument as unknown as OpenAPIObject, {
    customSiteTitle: `Enlace monitor — ${config.network}`,
  });
  app.enableShutdownHooks();
  return config;
}
