import { open, readFile } from 'node:fs/promises';
import { calculateJwkThumbprint } from 'jose';
import { newOkpJwkPair } from '../../keys/okp-keys';
import { NODE_KEY_CURVES } from '../../keys/key-algorithms';
import type { PrivateKeyEntry } from '../../keys/node-keys.types';
import { publicOkpJwkSchema } from '../../keys/okp-jwk.schema';
import { ajv, schemaErrorsText } from '../../wire/ajv';
import { NETWORK_NAME_PATTERN } from '../../wire/envelope-content.schema';
import { InvalidTrustAnchorsError } from './invalid-trust-anchors.error';
import type { TrustAnchors } from './trust-anchors.types';

const trustAnchorsSchema = {
  type: 'object',
  required: ['network', 'anchors'],
  additionalProperties: false,
  properties: {
    network: { type: 'string', pattern: NETWORK_NAME_PATTERN },
    anchors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['kid', 'jwk'],
        additionalProperties: false,
        properties: {
          kid: { type: 'string', minLength: 1 },
          jwk: publicOkpJwkSchema(NODE_KEY_CURVES.signing),
          validFrom: { type: 'string', format: 'date-time' },
          validUntil: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
} as const;

const validateTrustAnchors = ajv.compile<TrustAnchors>(trustAnchorsSchema);

/** Reads a node's trust anchors file `{ network, anchors: [{ kid, jwk, validFrom?, validUntil? }] }`. */
export async function loadTrustAnchors(path: string): Promise<TrustAnchors> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InvalidTrustAnchorsError(path, 'the file cannot be read as JSON', { cause: error });
  }
  if (!validateTrustAnchors(value)) {
    throw new InvalidTrustAnchorsError(path, schemaErrorsText(validateTrustAnchors.errors));
  }
  return value;
}

/** A trust anchor's key pair: the private half signs directory entries, the public half goes to every node. */
export interface GeneratedTrustAnchor {
  privateKey: PrivateKeyEntry;
  publicKey: TrustAnchors['anchors'][number];
}

/** A fresh Ed25519 key pair for the directory's authority (see newOkpJwkPair: not generateKeyPair). */
export async function generateTrustAnchor(): Promise<GeneratedTrustAnchor> {
  const { privateJwk, publicJwk } = newOkpJwkPair('Ed25519');
  const kid = await calculateJwkThumbprint(publicJwk);
  return { privateKey: { kid, privateJwk }, publicKey: { kid, jwk: publicJwk } };
}

/** Writes a file readable by its owner only (a trust anchor's private key). */
export async function writePrivateFile(path: string, value: unknown): Promise<void> {
  const file = await open(path, 'w', 0o600);
  try {
    await file.chmod(0o600);
    await file.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  } finally {
    await file.close();
  }
}
