import { ContractViolation } from './contract-violation.error';
import type {
  ReceiptDeliveredV1,
  ReferralAcceptedV1,
  ReferralClosedV1,
  ReferralDeclinedV1,
  ReferralExpiredV1,
  ReferralInformationProvidedV1,
  ReferralInformationRequestedV1,
  ReferralRequestedV1,
  ReferralServiceStartedV1,
  ReferralWithdrawnV1,
} from './generated/messages.generated';

/** Every message type that travels sealed inside an envelope, with the $id of its payload schema. */
export const MESSAGE_TYPES = {
  'receipt.delivered.v1': 'urn:enlace:message:receipt.delivered.v1',
  'referral.requested.v1': 'urn:enlace:message:referral.requested.v1',
  'referral.accepted.v1': 'urn:enlace:message:referral.accepted.v1',
  'referral.declined.v1': 'urn:enlace:message:referral.declined.v1',
  'referral.information-requested.v1': 'urn:enlace:message:referral.information-requested.v1',
  'referral.information-provided.v1': 'urn:enlace:message:referral.information-provided.v1',
  'referral.withdrawn.v1': 'urn:enlace:message:referral.withdrawn.v1',
  'referral.service-started.v1': 'urn:enlace:message:referral.service-started.v1',
  'referral.closed.v1': 'urn:enlace:message:referral.closed.v1',
  'referral.expired.v1': 'urn:enlace:message:referral.expired.v1',
} as const;

export type MessageType = keyof typeof MESSAGE_TYPES;

/** The delivery receipt: proof of reception, separate from any business answer. */
export const RECEIPT_TYPE = 'receipt.delivered.v1' satisfies MessageType;

export type MessageSchemaId = (typeof MESSAGE_TYPES)[MessageType];

/** The payload type of each message type. */
export interface MessagePayloads {
  'receipt.delivered.v1': ReceiptDeliveredV1;
  'referral.requested.v1': ReferralRequestedV1;
  'referral.accepted.v1': ReferralAcceptedV1;
  'referral.declined.v1': ReferralDeclinedV1;
  'referral.information-requested.v1': ReferralInformationRequestedV1;
  'referral.information-provided.v1': ReferralInformationProvidedV1;
  'referral.withdrawn.v1': ReferralWithdrawnV1;
  'referral.service-started.v1': ReferralServiceStartedV1;
  'referral.closed.v1': ReferralClosedV1;
  'referral.expired.v1': ReferralExpiredV1;
}

/** The payload of a message type known at compile time; unknown for a type only known at run time. */
export type PayloadOf<T extends string> = T extends MessageType ? MessagePayloads[T] : unknown;

export function isMessageType(type: string): type is MessageType {
  return Object.prototype.hasOwnProperty.call(MESSAGE_TYPES, type);
}

/** The $id of a message type's payload schema, for the envelope header's `schema`. */
export function messageSchemaId(type: string): MessageSchemaId {
  if (!isMessageType(type)) {
    throw new ContractViolation('message type', [{ path: '', message: 'is not a known message type' }]);
  }
  return MESSAGE_TYPES[type];
}
