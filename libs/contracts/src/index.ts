export * from './generated/messages.generated';
export * from './generated/schemas.generated';
export * as NodeApi from './generated/node-api.generated';
export { nodeApiDocument } from './generated/node-api-document.generated';
export * as MonitorApi from './generated/monitor.generated';
export { monitorApiDocument } from './generated/monitor-document.generated';
export { ContractViolation, type Violation } from './contract-violation.error';
export { MessageValidator } from './message-validator';
export { NodeApiRequestValidator } from './node-api-request-validator';
export { MonitorApiRequestValidator } from './monitor-api-request-validator';
export { OpenApiRequestValidator } from './openapi-request-validator';
export type { NodeApiSchemas } from './node-api-schemas.types';
export type { MonitorApiSchemas } from './monitor-api-schemas.types';
export {
  MESSAGE_TYPES,
  RECEIPT_TYPE,
  isMessageType,
  messageSchemaId,
  type MessagePayloads,
  type MessageSchemaId,
  type MessageType,
  type PayloadOf,
} from './message-types';
