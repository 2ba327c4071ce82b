import { HttpException } from '@nestjs/common';
import { ProblemDetails, problemType } from '@enlace/http';
import { ProblemException } from './problem.exception';

interface BodyParserError {
  type?: string;
  status?: number;
}

function problem(status: number, title: string, detail?: string): ProblemDetails {
  return { type: problemType(status), title, status, ...(detail ? { detail } : {}) };
}

/** Turns whatever was thrown into the problem a client should see: a 4xx for what it sent, 500 only for our faults. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return problem(status, error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'), error.message);
  }
  const parserError = error as BodyParserError;
  if (parserError && typeof parserError === 'object') {
    if (parserError.type === 'entity.too.large')
      return problem(413, 'Payload Too Large', 'The request body is too large.');
    if (parserError.type === 'entity.parse.failed')
      return problem(400, 'Bad Request', 'The request body is not valid JSON.');
    if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      return problem(parserError.status, 'Bad Request', 'The request could not be read.');
    }
  }
  return problem(500, 'Internal Server Error', 'Something went wrong on our side; it has been logged.');
}
