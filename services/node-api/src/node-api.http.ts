import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { nodeApiDocument } from '@enlace/contracts';
import { answerClientErrorsWithProblems } from '@enlace/http';
import { OPERATIONS_ROUTES, observeHttp } from '@enlace/observability';
import { raw } from 'express';
import helmet from 'helmet';
import { inFlightLimit } from './common/load-shedding/in-flight-limit.middleware';
import { NODE_API_CONFIG, NodeApiConfig } from './config/node-api.config';

export const API_PREFIX = 'api/v1';

/**
 * The HTTP surface of a node API, the same whether it runs alone or beside the courier: problem+json even for what
 * the HTTP parser refuses, a bound on requests at work at once (load shedding), security headers, a bounded JSON body, the /api/v1 prefix, and Swagger UI at /docs
 * showing the contract itself.
 */
export function configureNodeApiHttp(app: INestApplication): NodeApiConfig {
  const config = app.get<NodeApiConfig>(NODE_API_CONFIG);
  const express = app as NestExpressApplication;
  observeHttp(app);
  express.disable('x-powered-by');
  express.set('trust proxy', config.trustedProxies);
  answerClientErrorsWithProblems(app.getHttpServer());
  app.use(inFlightLimit(config.httpMaxInFlight));
  app.use(helmet());
  express.useBodyParser('json', { limit: config.bodyLimit });
  // A document is attached as the request's raw body, whatever Content-Type the client gives (its type is found from
  // its content), up to the document limit; a JSON body was read above and is refused by the route.
  app.use(`/${API_PREFIX}/cases/:caseId/documents`, raw({ type: () => true, limit: config.documentMaxBytes }));
  // The probes and /metrics stay at the root, where orchestrators and Prometheus look for them.
  app.setGlobalPrefix(API_PREFIX, { exclude: [...OPERATIONS_ROUTES] });
  SwaggerModule.setup('docs', app, nodeApiDocument as unknown as OpenAPIObject, {
    customSiteTitle: `Enlace node API — ${config.country}`,
  });
  app.enableShutdownHooks();
  return config;
}
