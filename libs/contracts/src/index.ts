export * from './generated/messages.generated';
export * from './generated/schemas.generated';
export * as NodeApi from './generated/node-api.generated';
export { nodeApiDocument } from './generated/node-api-document.generated';
export { ContractViolation, type Violation } from './contract-violation.error';
export { MessageValidator } from './message-validator';
export { NodeApiRequestValidator } from './node-api-request-validator';
export type { NodeApiSchemas } from './node-api-schemas.types';
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
