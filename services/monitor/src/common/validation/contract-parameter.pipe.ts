import { Injectable } from '@nestjs/common';
import { RequestParameterPipe } from '@enlace/http';
import { apiRequestValidator } from './api-request.validator';

/** One query or path parameter checked against its schema in the monitor's contract (contracts/openapi/monitor.openapi.yaml). */
@Injectable()
export class ContractParameterPipe extends RequestParameterPipe {
  constructor(schemaName: string, parameter: string, read?: (text: string) => unknown) {
    super(apiRequestValidator, schemaName, parameter, read);
  }
}
