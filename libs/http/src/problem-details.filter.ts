import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toHttpProblem, type ProblemMapping } from './http-problem.mapping';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

/** Seconds a client should wait before sending a request that failed with 503 again. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Every error of an API leaves as application/problem+json (RFC 9457), mapped by the service's own mapping; a 503
 * says when to try again.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(private readonly toProblem: ProblemMapping = toHttpProblem) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = { ...this.toProblem(error), instance: request.originalUrl?.split('?')[0] };
    if (problem.status >= 500) {
      // The stack names code, not data: messages of our errors never carry personal fields.
      this.logger.error(`${request.method} ${problem.instance} failed`, (error as Error)?.stack);
    }
    if (response.headersSent) return;
    if (problem.status === 503) response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
