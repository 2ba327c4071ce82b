import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseSecretJson, readSecretFile } from '@enlace/config';

/**
 * The node's audit key (ENLACE_AUDIT_KEY_FILE): 32 random bytes, kept outside the database, under which each record of
 * the audit log is authenticated (HMAC-SHA256). Whoever can write the database but not read this file cannot rewrite
 * a record and re-seal the rest.
 */
export interface AuditKey {
  /** Names the key in each record it sealed: the first 16 hex digits of the key's SHA-256, never the key. */
  readonly id: string;
  readonly key: Uint8Array;
}

/** An audit key file that cannot be used; the message names the file and the fault, never its content. */
export class AuditKeyError extends Error {
  override readonly name = 'AuditKeyError';
}

interface AuditKeyJwk {
  readonly kty: 'oct';
  readonly alg: 'HS256';
  readonly k: string;
}

const KEY_BYTES = 32;
const WHAT = 'the audit key file (ENLACE_AUDIT_KEY_FILE)';

/** The key's id: what a record names, so that a verifier given another key says so instead of "tampered". */
export function auditKeyId(key: Uint8Array): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * Reads the audit key: an oct JWK with 32 bytes in `k`, in a file only its owner may read (mode 600). Refused,
 * naming the fault, when the file is missing, unreadable, readable by group or others, or not such a key.
 */
export async function loadAuditKey(file: string): Promise<AuditKey> {
  let jwk: Partial<AuditKeyJwk>;
  try {
    jwk = parseSecretJson(await readSecretFile(file, WHAT), file, WHAT) as Partial<AuditKeyJwk>;
  } catch (error) {
    throw new AuditKeyError((error as Error).message);
  }
  const key = typeof jwk?.k === 'string' ? Buffer.from(jwk.k, 'base64url') : Buffer.alloc(0);
  if (jwk?.kty !== 'oct' || key.length !== KEY_BYTES) {
    throw new AuditKeyError(`${WHAT} ${file} must hold an oct JWK with ${KEY_BYTES} bytes in k`);
  }
  return { id: auditKeyId(key), key: new Uint8Array(key) };
}

/** Writes a new random audit key to `file` (0600) unless one is there; returns the key in the file. */
export async function ensureAuditKeyFile(file: string): Promise<AuditKey> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const jwk: AuditKeyJwk = { kty: 'oct', alg: 'HS256', k: randomBytes(KEY_BYTES).toString('base64url') };
  try {
    await fs.writeFile(file, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return loadAuditKey(file);
}
