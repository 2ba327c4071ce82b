import {
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  diffieHellman,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { PAYLOAD_JWE_ALG, PAYLOAD_JWE_ENC } from '../envelope-wire.constants';
import { newOkpPrivateKey, okpPublicJwk } from '../keys/okp-keys';
import { decodeCanonicalBase64url } from '../wire/base64url-segment';
import { concatKdfSha256 } from './concat-kdf';
import { InvalidCompactJoseError } from './invalid-compact-jose.error';
import { assertKeyType } from './key-type';

/**
 * JWE compact serialization with ECDH-ES (direct key agreement, RFC 7518 §4.6) on X25519 and A256GCM, written and
 * read with node:crypto. The format is jose's, byte for byte when given the same ephemeral key and IV; the
 * round-trip tests against jose prove it.
 */

const A256GCM_KEY_BITS = 256;
const A256GCM_IV_BYTES = 12;
const A256GCM_TAG_BYTES = 16;
/** Members that would make a JWK private (RFC 7518 §6): an ephemeral key must never carry them. */
const PRIVATE_JWK_MEMBERS = ['d', 'k', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'];

/** The protected header as given to the encrypter: epk is added by it. */
export interface EcdhEsJweHeaderParameters {
  alg: typeof PAYLOAD_JWE_ALG;
  enc: typeof PAYLOAD_JWE_ENC;
  [parameter: string]: unknown;
}

/** Fixed only by the tests that compare the output with jose's byte for byte; fresh for every message otherwise. */
export interface EcdhEsJweRandomness {
  ephemeralPrivateKey?: KeyObject;
  iv?: Uint8Array;
}

/** A compact JWE split into its five parts, only the protected header decoded. */
export interface CompactJwe {
  /** As received: its ASCII bytes are the additional authenticated data. */
  encodedHeader: string;
  protectedHeader: Record<string, unknown>;
  encryptedKey: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function encryptEcdhEsJwe(
  plaintext: Uint8Array,
  header: EcdhEsJweHeaderParameters,
  recipientPublicKey: KeyObject,
  randomness: EcdhEsJweRandomness = {},
): string {
  assertKeyType(recipientPublicKey, 'x25519', 'public');
  if (header.alg !== PAYLOAD_JWE_ALG || header.enc !== PAYLOAD_JWE_ENC || 'epk' in header) {
    throw new InvalidCompactJoseError(
      `Only ${PAYLOAD_JWE_ALG} with ${PAYLOAD_JWE_ENC} is written, without a given epk`,
    );
  }
  // not generateKeyPairSync: see okpPrivateKeyOf
  const ephemeralPrivateKey = randomness.ephemeralPrivateKey ?? newOkpPrivateKey('X25519');
  assertKeyType(ephemeralPrivateKey, 'x25519', 'private');
  // jose's member order, so that the same inputs give the same bytes.
  const protectedHeader = { ...header, epk: { x: okpPublicJwk(ephemeralPrivateKey).x, crv: 'X25519', kty: 'OKP' } };
  const encodedHeader = Buffer.from(JSON.stringify(protectedHeader), 'utf8').toString('base64url');
  const key = contentEncryptionKey(
    diffieHellman({ privateKey: ephemeralPrivateKey, publicKey: recipientPublicKey }),
    protectedHeader,
  );
  const iv = randomness.iv ?? randomBytes(A256GCM_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: A256GCM_TAG_BYTES });
  cipher.setAAD(Buffer.from(encodedHeader, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [
    encodedHeader,
    '',
    Buffer.from(iv).toString('base64url'),
    ciphertext.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
  ].join('.');
}

/** Splits a compact JWE and reads its protected header, without any key: nothing is proven yet. */
export function readCompactJwe(jwe: string): CompactJwe {
  const parts = jwe.split('.');
  if (parts.length !== 5) throw new InvalidCompactJoseError('Not a JWE compact serialization');
  const [encodedHeader, encryptedKey, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  let protectedHeader: unknown;
  try {
    protectedHeader = JSON.parse(strictUtf8.decode(decodeSegment(encodedHeader, 'protected header')));
  } catch (error) {
    throw new InvalidCompactJoseError('The JWE protected header is not a JSON object', { cause: error });
  }
  if (!isJsonObject(protectedHeader)) throw new InvalidCompactJoseError('The JWE protected header is not an object');
  return { encodedHeader, protectedHeader, encryptedKey, iv, ciphertext, tag };
}

/** The plaintext of a JWE that passes every check jose makes for ECDH-ES and A256GCM, and no other algorithm. */
export function decryptEcdhEsJwe(jwe: CompactJwe, recipientPrivateKey: KeyObject): Buffer {
  assertKeyType(recipientPrivateKey, 'x25519', 'private');
  const header = jwe.protectedHeader;
  // No JWE extension is recognised, and compression is never written: either would change what is read.
  if ('crit' in header) throw new InvalidCompactJoseError('The JWE has critical extensions');
  if ('zip' in header) throw new InvalidCompactJoseError('The JWE is compressed');
  if (header['alg'] !== PAYLOAD_JWE_ALG) throw new InvalidCompactJoseError('The JWE alg is not allowed');
  if (header['enc'] !== PAYLOAD_JWE_ENC) throw new InvalidCompactJoseError('The JWE enc is not allowed');
  // Direct key agreement: the key is derived, never carried.
  if (jwe.encryptedKey !== '') throw new InvalidCompactJoseError('The JWE carries an encrypted key');
  const ephemeralPublicKey = ephemeralKeyOf(header['epk']);
  const iv = decodeSegment(jwe.iv, 'initialization vector');
  const tag = decodeSegment(jwe.tag, 'authentication tag');
  const ciphertext = decodeSegment(jwe.ciphertext, 'ciphertext');
  if (iv.length !== A256GCM_IV_BYTES) throw new InvalidCompactJoseError('The JWE initialization vector is not 96 bits');
  if (tag.length !== A256GCM_TAG_BYTES) throw new InvalidCompactJoseError('The JWE authentication tag is not 128 bits');
  let sharedSecret: Buffer;
  try {
    sharedSecret = diffieHellman({ privateKey: recipientPrivateKey, publicKey: ephemeralPublicKey });
  } catch (error) {
    // A small-order ephemeral key gives an all-zero secret, which OpenSSL refuses.
    throw new InvalidCompactJoseError('The JWE ephemeral key gives no key agreement', { cause: error });
  }
  const key = contentEncryptionKey(sharedSecret, header);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: A256GCM_TAG_BYTES });
  decipher.setAAD(Buffer.from(jwe.encodedHeader, 'ascii'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch (error) {
    throw new InvalidCompactJoseError('The JWE does not decrypt', { cause: error });
  }
}

/** Concat KDF over the agreed secret with the header's party infos; AlgorithmID is enc in direct key agreement. */
function contentEncryptionKey(sharedSecret: Uint8Array, header: Record<string, unknown>): Buffer {
  const partyUInfo = partyInfo(header, 'apu');
  const partyVInfo = partyInfo(header, 'apv');
  // As jose: both parties named the same is refused, an absent one counts as empty.
  if (partyUInfo !== undefined && partyVInfo !== undefined && Buffer.from(partyUInfo).equals(partyVInfo)) {
    throw new InvalidCompactJoseError('The JWE apu and apv must be distinct');
  }
  const none = new Uint8Array();
  return concatKdfSha256(sharedSecret, PAYLOAD_JWE_ENC, partyUInfo ?? none, partyVInfo ?? none, A256GCM_KEY_BITS);
}

function partyInfo(header: Record<string, unknown>, name: 'apu' | 'apv'): Uint8Array | undefined {
  const value = header[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new InvalidCompactJoseError(`The JWE ${name} is not a string`);
  return decodeSegment(value, name);
}

function ephemeralKeyOf(epk: unknown): KeyObject {
  if (!isJsonObject(epk) || PRIVATE_JWK_MEMBERS.some((member) => Object.hasOwn(epk, member))) {
    throw new InvalidCompactJoseError('The JWE epk is missing or not a public key');
  }
  const { kty, crv, x } = epk;
  if (kty !== 'OKP' || crv !== 'X25519' || typeof x !== 'string' || decodeSegment(x, 'epk').length !== 32) {
    throw new InvalidCompactJoseError('The JWE epk is not an X25519 public key');
  }
  try {
    return createPublicKey({ key: { kty, crv, x }, format: 'jwk' });
  } catch (error) {
    throw new InvalidCompactJoseError('The JWE epk is not an X25519 public key', { cause: error });
  }
}

function decodeSegment(segment: string, name: string): Uint8Array {
  const bytes = decodeCanonicalBase64url(segment);
  if (bytes === undefined) throw new InvalidCompactJoseError(`The JWE ${name} is not canonical base64url`);
  return bytes;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
