import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { MetricsRegistry } from './metrics-registry';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Seconds, from a fast health probe to a slow export. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The route template a request matched (`/api/v1/referrals/:id`), never its URL: an id or a query in a label would
 * make a series per case, and could carry what a caller typed. A request no route matched is `unmatched`.
 */
export function routeTemplateOf(request: Request): string {
  const route = (request.route as { path?: unknown } | undefined)?.path;
  return typeof route === 'string' ? `${request.baseUrl}${route}` : 'unmatched';
}

/**
 * Express middleware counting every answered request by method, route template and status, with its duration
 * (enlace_http_request_duration_seconds: its _count is the request count).
 */
export function httpRequestMetrics(metrics: MetricsRegistry): RequestHandler {
  const duration = metrics.histogram(
    'enlace_http_request_duration_seconds',
    'HTTP requests answered, by method, route template and status, and how long they took',
    ['method', 'route', 'status'],
    DURATION_BUCKETS,
  );
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      duration.observe(
        {
          method: KNOWN_METHODS.has(request.method) ? request.method : 'OTHER',
          route: routeTemplateOf(request),
          status: String(response.statusCode),
        },
        seconds,
      );
    });
    next();
  };
}
