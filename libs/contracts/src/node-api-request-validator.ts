import { nodeApiDocument } from './generated/node-api-document.generated';
import { OpenApiRequestValidator } from './openapi-request-validator';

/** Checks requests against contracts/openapi/node-api.openapi.yaml. Build one and share it. */
export class NodeApiRequestValidator extends OpenApiRequestValidator {
  constructor() {
    super(nodeApiDocument, 'urn:enlace:openapi:node-api', 'node API');
  }
}
