import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { httpRequestMetrics } from './metrics/http-request.metrics';
import { MetricsRegistry } from './metrics/metrics-registry';

/** The operations routes, served outside a service's API prefix (/api/v1) where probes and Prometheus expect them. */
export const OPERATIONS_ROUTES = ['health/live', 'health/ready', 'metrics'] as const;

/**
 * Every log line of the process through pino, as JSON (the Nest Logger used across the code included). Start the
 * application with `bufferLogs: true`, so that what it logs while it starts comes out the same way.
 */
export function useJsonLogs(app: INestApplicationContext): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
}

/** JSON logs, and the request metrics of every route (mounted first, so that even a refused request is counted). */
export function observeHttp(app: INestApplication): void {
  useJsonLogs(app);
  app.use(httpRequestMetrics(app.get(MetricsRegistry)));
}
