import type { EnvelopeContent } from '../envelope-header.types';
import { ajv } from './ajv';

/** Two upper-case letters: the country codes also appear in topic names (`enlace.<network>.inbox.<CC>`). */
export const COUNTRY_CODE_PATTERN = '^[A-Z]{2}$';
/** Safe inside a Kafka topic name. */
export const NETWORK_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$';
/** `referral.requested.v1`: dotted lower-case words ending with the major version. */
export const MESSAGE_TYPE_PATTERN = '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*\\.v[1-9][0-9]*$';
/** A compact serialization: five base64url segments. */
const JWE_COMPACT_PATTERN = '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$';

/**
 * The header admits further properties so that the contract can grow additively inside a major version; the
 * content itself is closed, since a new top-level member would be a new wire format (and a new `typ`).
 */
export const envelopeContentSchema = {
  type: 'object',
  required: ['header', 'payload'],
  additionalProperties: false,
  properties: {
    header: {
      type: 'object',
      required: ['id', 'type', 'network', 'from', 'to', 'caseId', 'correlationId', 'sentAt', 'schema'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        type: { type: 'string', pattern: MESSAGE_TYPE_PATTERN, maxLength: 200 },
        network: { type: 'string', pattern: NETWORK_NAME_PATTERN },
        from: { type: 'string', pattern: COUNTRY_CODE_PATTERN },
        to: { type: 'string', pattern: COUNTRY_CODE_PATTERN },
        caseId: { type: 'string', format: 'uuid' },
        correlationId: { type: 'string', format: 'uuid' },
        causationId: { type: 'string', format: 'uuid' },
        sentAt: { type: 'string', format: 'date-time' },
        schema: { type: 'string', format: 'uri', maxLength: 500 },
      },
    },
    payload: { type: 'string', pattern: JWE_COMPACT_PATTERN },
  },
} as const;

export const validateEnvelopeContent = ajv.compile<EnvelopeContent>(envelopeContentSchema);
