import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from '@enlace/http';
import { RETRY_AFTER_SECONDS, toProblem } from './problem-mapping';

/** Every error of the API leaves as application/problem+json (RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = { ...toProblem(error), instance: request.originalUrl?.split('?')[0] };
    if (problem.status >= 500) {
      // The stack names code, not data: messages of our errors never carry personal fields.
      this.logger.error(`${request.method} ${problem.instance} failed`, (error as Error)?.stack);
    }
    if (response.headersSent) return;
    if (problem.status === 503) response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
