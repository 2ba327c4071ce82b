import type { ServerResponse } from 'node:http';

/** Answers with an RFC 9457 problem, as every Enlace API does, so the console shows one kind of error. */
export function sendProblem(response: ServerResponse, status: number, title: string, detail: string): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.statusCode = status;
  response.setHeader('content-type', 'application/problem+json');
  response.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}
