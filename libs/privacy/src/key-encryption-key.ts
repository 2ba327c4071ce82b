import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseSecretJson, readSecretFile } from '@enlace/config';

/**
 * The node's key-encryption key: it wraps every case's data key, and lives outside the database (a file under the
 * node's secrets, readable by its owner only), so that the database's files alone never open a case.
 */
export interface KeyEncryptionKey {
  readonly kid: string;
  /** 32 bytes: AES-256. */
  readonly key: Uint8Array;
}

/** The file's form: a JWK of type oct (RFC 7517), the same shape as the node's other key files. */
interface OctetJwk {
  kty: 'oct';
  kid: string;
  alg: 'dir';
  k: string;
}

export class KeyEncryptionKeyError extends Error {
  override readonly name = 'KeyEncryptionKeyError';
}

/**
 * The loaded key-encryption key is not the one the node's store holds case keys under. Its message names the key
 * ids, never a key: started anyway, the node could open no case and would set aside every message it received.
 */
export class KeyEncryptionKeyMismatchError extends Error {
  override readonly name = 'KeyEncryptionKeyMismatchError';
}

/**
 * A case key that the loaded key-encryption key does not open: the node's own key is wrong (or the row was damaged),
 * not anything a sender did. Who meets it stops and retries instead of refusing a message; names the case, never a key.
 */
export class CaseKeyUnopenableError extends Error {
  override readonly name = 'CaseKeyUnopenableError';
}

export async function loadKeyEncryptionKey(file: string): Promise<KeyEncryptionKey> {
  let jwk: Partial<OctetJwk>;
  try {
    const what = 'the key-encryption key file';
    jwk = parseSecretJson(await readSecretFile(file, what), file, what) as Partial<OctetJwk>;
  } catch (error) {
    // the message names the file and what is wrong with it, never its content
    throw new KeyEncryptionKeyError((error as Error).message);
  }
  const key = typeof jwk.k === 'string' ? Buffer.from(jwk.k, 'base64url') : Buffer.alloc(0);
  if (jwk.kty !== 'oct' || typeof jwk.kid !== 'string' || key.length !== 32) {
    throw new KeyEncryptionKeyError('the key-encryption key file must hold an oct JWK with a kid and 32 bytes in k');
  }
  return { kid: jwk.kid, key: new Uint8Array(key) };
}

/** Writes a new random key-encryption key to `file` (0600) unless one is there; returns the key in the file. */
export async function ensureKeyEncryptionKeyFile(file: string): Promise<KeyEncryptionKey> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const jwk: OctetJwk = { kty: 'oct', kid: randomUUID(), alg: 'dir', k: randomBytes(32).toString('base64url') };
  try {
    await fs.writeFile(file, JSON.stringify(jwk, null, 2), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return loadKeyEncryptionKey(file);
}
