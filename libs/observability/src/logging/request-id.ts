import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Ids a proxy or a caller may hand us (a UUID, a trace-like token): letters, digits and `-_.:`, up to 128. Anything
 * else (spaces, a sentence, a name, an endless string) is not taken: a fresh id is made instead.
 */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request's id: the caller's X-Request-Id when well formed, so that one request can be followed from the proxy
 * into our logs, else a new UUID; echoed back in X-Request-Id either way.
 */
export function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && WELL_FORMED.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}
