import { open } from 'node:fs/promises';
import { SecretFileError, readSecretFile } from '@enlace/config';
import { calculateJwkThumbprint } from 'jose';
import type { PublicJwkWithMeta } from '../directory/member-directory.port';
import { schemaErrorsText } from '../wire/ajv';
import { InvalidNodeKeysError } from './invalid-node-keys.error';
import { NODE_KEY_CURVES } from './key-algorithms';
import { validateNodeKeys } from './node-keys.schema';
import { newOkpJwkPair, type OkpCurve } from './okp-keys';
import type { GeneratedNodeKeys, NodeKeys, PrivateKeyEntry } from './node-keys.types';

/** Owner read/write only: the file holds the node's private keys. */
const KEY_FILE_MODE = 0o600;

export interface GenerateNodeKeysOptions {
  /** Start of the public keys' validity in the directory; unbounded when absent. */
  validFrom?: string;
  validUntil?: string;
}

/** Fresh signing (Ed25519) and encryption (X25519) keys for a node; kids are RFC 7638 thumbprints. */
export async function generateNodeKeys(
  country: string,
  options: GenerateNodeKeysOptions = {},
): Promise<GeneratedNodeKeys> {
  const [signing, encryption] = await Promise.all([
    generateKeyEntry(NODE_KEY_CURVES.signing),
    generateKeyEntry(NODE_KEY_CURVES.encryption),
  ]);
  const validity = {
    ...(options.validFrom !== undefined && { validFrom: options.validFrom }),
    ...(options.validUntil !== undefined && { validUntil: options.validUntil }),
  };
  return {
    nodeKeys: { country, signing: signing.privateEntry, encryption: encryption.privateEntry },
    publicKeys: {
      signingKeys: [{ ...signing.publicEntry, ...validity }],
      encryptionKeys: [{ ...encryption.publicEntry, ...validity }],
    },
  };
}

/** A fresh key pair of the curve (see newOkpJwkPair: not generateKeyPair), its kid the public key's thumbprint. */
async function generateKeyEntry(
  crv: OkpCurve,
): Promise<{ privateEntry: PrivateKeyEntry; publicEntry: PublicJwkWithMeta }> {
  const { privateJwk, publicJwk } = newOkpJwkPair(crv);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { privateEntry: { kid, privateJwk }, publicEntry: { kid, jwk: publicJwk } };
}

export async function loadNodeKeys(path: string): Promise<NodeKeys> {
  let text: string;
  try {
    text = await readSecretFile(path, 'the node keys file');
  } catch (error) {
    const shared = error instanceof SecretFileError && / other users /.test(error.message);
    throw new InvalidNodeKeysError(path, shared ? error.message : 'the file cannot be read', { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message would quote the file, i.e. private key material.
    throw new InvalidNodeKeysError(path, 'the file is not JSON');
  }
  if (!validateNodeKeys(value)) throw new InvalidNodeKeysError(path, schemaErrorsText(validateNodeKeys.errors));
  return value;
}

export async function saveNodeKeys(path: string, keys: NodeKeys): Promise<void> {
  if (!validateNodeKeys(keys)) throw new InvalidNodeKeysError(path, schemaErrorsText(validateNodeKeys.errors));
  const file = await open(path, 'w', KEY_FILE_MODE);
  try {
    // The open mode applies only to a new file: tighten an existing one before the keys are written into it.
    await file.chmod(KEY_FILE_MODE);
    await file.writeFile(`${JSON.stringify(keys, null, 2)}\n`, 'utf8');
  } finally {
    await file.close();
  }
}
