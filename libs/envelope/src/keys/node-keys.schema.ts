import { COUNTRY_CODE_PATTERN } from '../wire/envelope-content.schema';
import { ajv } from '../wire/ajv';
import { NODE_KEY_CURVES } from './key-algorithms';
import type { NodeKeys } from './node-keys.types';
import { privateOkpJwkSchema } from './okp-jwk.schema';

function privateKeyEntrySchema(crv: string) {
  return {
    type: 'object',
    required: ['kid', 'privateJwk'],
    additionalProperties: false,
    properties: { kid: { type: 'string', minLength: 1 }, privateJwk: privateOkpJwkSchema(crv) },
  } as const;
}

export const nodeKeysSchema = {
  type: 'object',
  required: ['country', 'signing', 'encryption'],
  additionalProperties: false,
  properties: {
    country: { type: 'string', pattern: COUNTRY_CODE_PATTERN },
    signing: privateKeyEntrySchema(NODE_KEY_CURVES.signing),
    encryption: privateKeyEntrySchema(NODE_KEY_CURVES.encryption),
  },
} as const;

export const validateNodeKeys = ajv.compile<NodeKeys>(nodeKeysSchema);
