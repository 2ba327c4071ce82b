/** RFC 9457 problem details, as every Enlace HTTP API (node-api, the monitor) answers errors (contracts/openapi: Problem). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** A stable code of the problem (a protocol's rule broken, CONTRACT_VIOLATION), for a client to translate. */
  code?: string;
  /** The failing fields of a request, named by JSON pointer; never their values. */
  errors?: { field: string; message: string }[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const PROBLEM_TYPES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'request-timeout',
  409: 'conflict',
  410: 'gone',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable-content',
  429: 'too-many-requests',
  431: 'request-header-fields-too-large',
  500: 'internal-error',
  503: 'service-unavailable',
};

/** A stable problem type per status, as a URN so that it names no host. */
export function problemType(status: number): string {
  return `urn:enlace:problem:${PROBLEM_TYPES[status] ?? 'error'}`;
}
