import { Injectable, PipeTransform } from '@nestjs/common';
import { NodeApiRequestValidator } from '@enlace/contracts';
import { ProblemException } from '@enlace/http';

const validator = new NodeApiRequestValidator();

/** Checks one query or path parameter against its schema in contracts/openapi; 400 names the parameter. */
@Injectable()
export class ContractParameterPipe implements PipeTransform {
  constructor(
    private readonly schemaName: string,
    private readonly parameter: string,
  ) {}

  transform(value: unknown): unknown {
    if (value === undefined) return value;
    const violations = validator.validate(this.schemaName, value);
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
