import { PipeTransform } from '@nestjs/common';
import { ProblemException } from '../problem.exception';
import type { RequestValidator } from './request-validator.port';

/**
 * Checks one query or path parameter against its schema in the API's contract; 400 names the parameter. Each API
 * binds its own contract (ContractParameterPipe).
 */
export class RequestParameterPipe implements PipeTransform {
  constructor(
    private readonly validator: RequestValidator,
    private readonly schemaName: string,
    private readonly parameter: string,
    /** Query strings are text: a parameter whose schema is a number is read as one before it is checked. */
    private readonly read: (text: string) => unknown = (text) => text,
  ) {}

  transform(raw: unknown): unknown {
    if (raw === undefined) return raw;
    const value = typeof raw === 'string' ? this.read(raw) : raw;
    const violations = this.validator.validate(this.schemaName, value);
    if (violations.length > 0) {
      throw new ProblemException({
        status: 400,
        title: 'Bad Request',
        detail: `The parameter ${this.parameter} is not valid.`,
        errors: [{ field: this.parameter, message: violations[0]?.message ?? 'is not valid' }],
      });
    }
    return value;
  }
}
