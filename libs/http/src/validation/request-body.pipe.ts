import { PipeTransform } from '@nestjs/common';
import { ProblemException } from '../problem.exception';
import type { RequestValidator } from './request-validator.port';

/**
 * Checks a request body against its schema in the API's contract (the document Swagger UI shows) and answers 400
 * naming every failing field, never echoing its value. Each API binds its own contract (ContractBodyPipe).
 */
export class RequestBodyPipe implements PipeTransform {
  constructor(
    private readonly validator: RequestValidator,
    private readonly schemaName: string,
  ) {}

  transform(value: unknown): unknown {
    const violations = this.validator.validate(this.schemaName, value ?? {});
    if (violations.length > 0) {
      throw new ProblemException({
        status: 400,
        title: 'Bad Request',
        detail: 'The request body does not match the contract.',
        code: 'CONTRACT_VIOLATION',
        errors: violations.map((violation) => ({ field: violation.path, message: violation.message })),
      });
    }
    return value ?? {};
  }
}
