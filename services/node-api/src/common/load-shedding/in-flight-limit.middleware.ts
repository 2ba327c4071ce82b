import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemType } from '@enlace/http';

/** Seconds a client told the node is busy should wait before it sends the request again. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * Load shedding: at most `max` requests are worked on at once; one more is answered at once with 503 and
 * Retry-After, without parsing its body, instead of queueing without bound. A node flooded beyond what its database
 * can take keeps its memory and its answer times for the requests it took, and the client knows to come back.
 */
export function inFlightLimit(max: number): (request: Request, response: Response, next: NextFunction) => void {
  let inFlight = 0;
  return (request, response, next) => {
    // The probes and /metrics cost nothing and must answer while busy: a busy node is not a dead one.
    if (request.path === '/health/live' || request.path === '/health/ready' || request.path === '/metrics') {
      return next();
    }
    if (inFlight >= max) {
      // The body is read and thrown away, unparsed, so that the connection stays usable for the client's retry.
      request.resume();
      response
        .status(503)
        .setHeader('retry-after', String(BUSY_RETRY_AFTER_SECONDS))
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          JSON.stringify({
            type: problemType(503),
            title: 'Service Unavailable',
            status: 503,
            detail: 'The node is busy; try again shortly.',
            instance: request.originalUrl.split('?')[0],
          }),
        );
      return;
    }
    inFlight++;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      inFlight--;
    };
    response.once('finish', end);
    response.once('close', end);
    next();
  };
}
