import { Injectable } from '@nestjs/common';
import { RequestBodyPipe } from '@enlace/http';
import { apiRequestValidator } from './api-request.validator';

/** A request body checked against its schema in the monitor's contract (contracts/openapi/monitor.openapi.yaml). */
@Injectable()
export class ContractBodyPipe extends RequestBodyPipe {
  constructor(schemaName: string) {
    super(apiRequestValidator, schemaName);
  }
}
