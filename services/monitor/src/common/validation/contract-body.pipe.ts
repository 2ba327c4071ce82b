import { Injectable, PipeTransform } from '@nestjs/common';
import { MonitorApiRequestValidator } from '@enlace/contracts';
import { ProblemException } from '@enlace/http';

const validator = new MonitorApiRequestValidator();

/** Checks a request body against its schema in contracts/openapi/monitor.openapi.yaml; 400 names every field. */
@Injectable()
export class ContractBodyPipe implements PipeTransform {
  constructor(private readonly schemaName: string) {}

  transform(value: unknown): unknown {
    const violations = validator.validate(this.schemaName, value ?? {});
    if (violations.length > 0) {
      throw new ProblemException({
        status: 400,
        title: 'Bad Request',
        detail: 'The request body does not match the contract.',
        errors: violations.map((violation) => ({ field: violation.path, message: violation.message })),
      });
    }
    return value ?? {};
  }
}
