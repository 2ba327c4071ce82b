import { monitorApiDocument } from './generated/monitor-document.generated';
import { OpenApiRequestValidator } from './openapi-request-validator';

/** Checks requests against contracts/openapi/monitor.openapi.yaml. Build one and share it. */
export class MonitorApiRequestValidator extends OpenApiRequestValidator {
  constructor() {
    super(monitorApiDocument, 'urn:enlace:openapi:monitor', 'monitor API');
  }
}
