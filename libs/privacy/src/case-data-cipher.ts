import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * What a ciphertext is bound to: the case and the use within it (a field, an outbox entry). Both are in the JWE's
 * integrity-protected header and checked on opening, so a ciphertext moved to another case or field does not open.
 */
export interface CaseDataBinding {
  readonly caseId: string;
  readonly purpose: string;
}

export class CaseDataCipherError extends Error {
  override readonly name = 'CaseDataCipherError';
}

const ALG = 'dir';
const ENC = 'A256GCM';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const CASE_PARAM = 'enlace.case';
const USE_PARAM = 'enlace.use';
const BASE64URL_ALPHABET = /^[A-Za-z0-9_-]*$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/*
 * The JWE compact serialization (RFC 7516) with alg dir and enc A256GCM, written and read through node:crypto:
 * every case field and case key goes through here, and jose's WebCrypto path costs several times as much. The
 * format is jose's, byte for byte for the same IV; the unit tests prove both ways that jose reads what this writes
 * and this reads what jose writes.
 */

/** JSON `value` as a compact JWE (alg dir, enc A256GCM) under the 32-byte `key`, bound to the case and purpose. */
export async function sealCaseData(key: Uint8Array, binding: CaseDataBinding, value: unknown): Promise<string> {
  if (key.length !== KEY_BYTES) throw new TypeError(`A256GCM needs a key of ${KEY_BYTES} bytes`);
  // jose's member order, so that the same IV gives the same bytes.
  const header = { alg: ALG, enc: ENC, [CASE_PARAM]: binding.caseId, [USE_PARAM]: binding.purpose };
  const encodedHeader = Buffer.from(JSON.stringify(header), 'utf8').toString('base64url');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(encodedHeader, 'ascii'));
  // `?? ''` keeps what jose's path did with a value that has no JSON form (undefined): an empty plaintext.
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value) ?? '', 'utf8'), cipher.final()]);
  return `${encodedHeader}..${iv.toString('base64url')}.${ciphertext.toString('base64url')}.${cipher
    .getAuthTag()
    .toString('base64url')}`;
}

/** The value sealed by sealCaseData; throws CaseDataCipherError for another key, binding, or altered bytes. */
export async function openCaseData<T = unknown>(key: Uint8Array, binding: CaseDataBinding, sealed: string): Promise<T> {
  const { protectedHeader, plaintext } = decrypt(key, sealed);
  if (protectedHeader[CASE_PARAM] !== binding.caseId || protectedHeader[USE_PARAM] !== binding.purpose) {
    throw new CaseDataCipherError('case data belong to another case or use');
  }
  return JSON.parse(new TextDecoder().decode(plaintext)) as T;
}

/** Every check jose makes of a dir/A256GCM JWE, then the authenticated decryption. */
function decrypt(key: Uint8Array, sealed: string): { protectedHeader: Record<string, unknown>; plaintext: Buffer } {
  const parts = sealed.split('.');
  if (parts.length !== 5) throw refusal('not a JWE compact serialization');
  const [encodedHeader, encryptedKey, ivSegment, ciphertextSegment, tagSegment] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  let protectedHeader: unknown;
  try {
    protectedHeader = JSON.parse(strictUtf8.decode(decodeSegment(encodedHeader)));
  } catch {
    throw refusal('the protected header is not JSON');
  }
  if (typeof protectedHeader !== 'object' || protectedHeader === null || Array.isArray(protectedHeader)) {
    throw refusal('the protected header is not an object');
  }
  const header = protectedHeader as Record<string, unknown>;
  // No JWE extension is recognised and compression is never written: either would change what is read.
  if ('crit' in header || 'zip' in header) throw refusal('unsupported header parameter');
  if (header['alg'] !== ALG || header['enc'] !== ENC) throw refusal('algorithm not allowed');
  // Direct encryption: the key is the one given, never carried.
  if (encryptedKey !== '') throw refusal('unexpected encrypted key');
  if (key.length !== KEY_BYTES) throw refusal('invalid key length');
  const iv = decodeSegment(ivSegment);
  const tag = decodeSegment(tagSegment);
  const ciphertext = decodeSegment(ciphertextSegment);
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw refusal('invalid initialization vector or tag');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(encodedHeader, 'ascii'));
  decipher.setAuthTag(tag);
  try {
    return { protectedHeader: header, plaintext: Buffer.concat([decipher.update(ciphertext), decipher.final()]) };
  } catch {
    throw refusal('decryption failed');
  }
}

/**
 * Canonical base64url only: jose's decoder also takes other spellings of the same bytes (set unused bits), which
 * nothing writes; refusing them makes every altered character of a sealed value a refusal.
 */
function decodeSegment(segment: string): Buffer {
  const bytes =
    segment.length % 4 === 1 || !BASE64URL_ALPHABET.test(segment) ? undefined : Buffer.from(segment, 'base64url');
  if (bytes === undefined || bytes.toString('base64url') !== segment) throw refusal('not canonical base64url');
  return bytes;
}

function refusal(reason: string): CaseDataCipherError {
  return new CaseDataCipherError(`case data do not open: ${reason}`);
}
