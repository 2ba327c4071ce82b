import { NodeApiRequestValidator } from '@enlace/contracts';

/** The requests' validator of node-api's contract (contracts/openapi/node-api.openapi.yaml), compiled once for the process: every pipe shares it. */
export const apiRequestValidator = new NodeApiRequestValidator();
