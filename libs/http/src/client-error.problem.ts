import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details';

/** What Node's HTTP parser refused, as the status a client should see (the rest is a 400). */
const STATUS_OF_CODE: Record<string, { status: number; title: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    title: 'Request Header Fields Too Large',
    detail: 'The request headers are larger than the server accepts (a bearer token of a few kilobytes at most).',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    title: 'Request Timeout',
    detail: 'The request did not arrive in time.',
  },
};

/** The raw HTTP/1.1 answer to a request the parser refused before any route saw it. */
export function clientErrorResponse(code: string | undefined): string {
  const known = (code !== undefined && STATUS_OF_CODE[code]) || {
    status: 400,
    title: 'Bad Request',
    detail: 'The request is not valid HTTP.',
  };
  const problem: ProblemDetails = {
    type: problemType(known.status),
    title: known.title,
    status: known.status,
    detail: known.detail,
  };
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${known.status} ${known.title}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Makes the server answer requests its parser refuses (headers too large, malformed, too slow) with problem+json
 * like every other error of the API, instead of Node's bare status line with an empty body.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // a connection the client already dropped gets no answer
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(error.code));
  });
}
