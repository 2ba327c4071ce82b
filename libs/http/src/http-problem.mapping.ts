import { HttpException } from '@nestjs/common';
import { ProblemDetails, problemType } from './problem-details';
import { ProblemException } from './problem.exception';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** A problem of a status with its title and, when there is one, a detail for the client. */
export function problemOf(status: number, title: string, detail?: string): ProblemDetails {
  return { type: problemType(status), title, status, ...(detail ? { detail } : {}) };
}

/** Turns whatever an API threw into the problem a client should see (ProblemDetailsFilter's mapping). */
export type ProblemMapping = (error: unknown) => ProblemDetails;

/**
 * What every API maps alike: a ProblemException as it says, Nest's HTTP exceptions, and what the body parser refused
 * (a 4xx: the client sent it); anything else is a fault of ours, a 500 whose detail stays in our logs. A service
 * maps its own errors first and hands the rest to this.
 */
export function toHttpProblem(error: unknown): ProblemDetails {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return problemOf(status, error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'), error.message);
  }
  const parserError = error as BodyParserError;
  if (parserError && typeof parserError === 'object') {
    if (parserError.type === 'entity.too.large') {
      return problemOf(413, 'Payload Too Large', 'The request body is too large.');
    }
    if (parserError.type === 'entity.parse.failed') {
      return problemOf(400, 'Bad Request', 'The request body is not valid JSON.');
    }
    if (parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported') {
      return problemOf(415, 'Unsupported Media Type', 'The request body encoding is not supported.');
    }
    if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      return problemOf(parserError.status, 'Bad Request', 'The request could not be read.');
    }
  }
  return problemOf(500, 'Internal Server Error', 'Something went wrong on our side; it has been logged.');
}
