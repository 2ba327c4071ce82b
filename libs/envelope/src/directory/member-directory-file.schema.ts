import { NODE_KEY_CURVES } from '../keys/key-algorithms';
import { publicOkpJwkSchema } from '../keys/okp-jwk.schema';
import { ajv } from '../wire/ajv';
import { COUNTRY_CODE_PATTERN, NETWORK_NAME_PATTERN } from '../wire/envelope-content.schema';
import type { DirectoryMember } from './member-directory.port';

export interface MemberDirectoryFile {
  network: string;
  members: DirectoryMember[];
}

function publicKeysSchema(crv: string) {
  return {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['kid', 'jwk'],
      additionalProperties: false,
      properties: {
        kid: { type: 'string', minLength: 1 },
        jwk: publicOkpJwkSchema(crv),
        validFrom: { type: 'string', format: 'date-time' },
        validUntil: { type: 'string', format: 'date-time' },
      },
    },
  } as const;
}

export const directoryMemberSchema = {
  type: 'object',
  required: ['country', 'nodeId', 'organisations', 'signingKeys', 'encryptionKeys', 'validFrom'],
  additionalProperties: false,
  properties: {
    country: { type: 'string', pattern: COUNTRY_CODE_PATTERN },
    nodeId: { type: 'string', minLength: 1 },
    organisations: { type: 'array', items: { type: 'string', minLength: 1 } },
    signingKeys: publicKeysSchema(NODE_KEY_CURVES.signing),
    encryptionKeys: publicKeysSchema(NODE_KEY_CURVES.encryption),
    validFrom: { type: 'string', format: 'date-time' },
    validUntil: { type: 'string', format: 'date-time' },
  },
} as const;

export const memberDirectoryFileSchema = {
  type: 'object',
  required: ['network', 'members'],
  properties: {
    network: { type: 'string', pattern: NETWORK_NAME_PATTERN },
    members: { type: 'array', items: directoryMemberSchema },
  },
} as const;

export const validateMemberDirectoryFile = ajv.compile<MemberDirectoryFile>(memberDirectoryFileSchema);
