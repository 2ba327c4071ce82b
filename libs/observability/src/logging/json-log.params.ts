import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import { requestIdOf } from './request-id';

export interface JsonLogSettings {
  /** ENLACE_LOG_LEVEL: trace, debug, info (the default), warn, error or fatal. */
  readonly level: string;
}

/** Probes and scrapes come every few seconds: logging each would bury what matters. */
function isOperationsRoute(url: string | undefined): boolean {
  return url !== undefined && (url.startsWith('/health/') || url === '/metrics' || url.startsWith('/metrics?'));
}

/** The path without its query: a query may carry what a caller typed (a search), and that may be personal. */
function pathOf(url: string | undefined): string {
  if (url === undefined) return '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * An error's class and where it was thrown, not its message: the frames are our code, but a message may quote what
 * failed (a value a driver refused), and that may be personal.
 */
export function errorWithoutMessage(error: { type?: string; name?: string; stack?: string }): Record<string, unknown> {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return { type: error.type ?? error.name ?? 'Error', stack: frames.join('\n') };
}

/**
 * JSON lines through pino: one line per answered request (id, method, path, status, time taken), and every line
 * logged while a request is served carries its `req.id`. Never a header (a bearer token), a query or a body: what a
 * person typed stays out of the logs; lines about a case's messages carry its pseudonymous correlation id.
 */
export function jsonLogParams(settings: JsonLogSettings): Params {
  return {
    // Express 5's wildcard form: nestjs-pino's default ('*') makes Nest warn of a legacy route at every start.
    forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
    pinoHttp: {
      level: settings.level,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      genReqId: (request: IncomingMessage, response: ServerResponse) => requestIdOf(request, response),
      autoLogging: { ignore: (request: IncomingMessage) => isOperationsRoute(request.url) },
      customLogLevel: (_request, response, error) =>
        error !== undefined || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (request: { id: unknown; method: unknown; url?: string }) => ({
          id: request.id,
          method: request.method,
          path: pathOf(request.url),
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        err: errorWithoutMessage,
      },
    },
  };
}
