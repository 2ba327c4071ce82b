import { Injectable } from '@nestjs/common';
import { RequestBodyPipe } from '@enlace/http';
import { apiRequestValidator } from './api-request.validator';

/** A request body checked against its schema in node-api's contract (contracts/openapi/node-api.openapi.yaml). */
@Injectable()
export class ContractBodyPipe extends RequestBodyPipe {
  constructor(schemaName: string) {
    super(apiRequestValidator, schemaName);
  }
}
