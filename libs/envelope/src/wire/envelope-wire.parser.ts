import type { EnvelopeContent } from '../envelope-header.types';
import { ENVELOPE_JWS_ALG, ENVELOPE_JWS_TYP } from '../envelope-wire.constants';
import { MalformedEnvelopeError } from '../errors/malformed-envelope.error';
import { schemaErrorsText } from './ajv';
import { decodeCanonicalBase64url } from './base64url-segment';
import { validateEnvelopeContent } from './envelope-content.schema';

/** The signature segment of an Ed25519 JWS is always 64 bytes. */
const ED25519_SIGNATURE_BYTES = 64;

export interface EnvelopeJwsHeader {
  alg: typeof ENVELOPE_JWS_ALG;
  typ: typeof ENVELOPE_JWS_TYP;
  kid: string;
}

/** A wire taken apart without any key: the header is readable, nothing is proven yet. */
export interface ParsedEnvelopeWire {
  compact: string;
  jwsHeader: EnvelopeJwsHeader;
  content: EnvelopeContent;
  /** The first two segments as received: what the signature covers. */
  signingInput: string;
  signature: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Takes a wire apart; throws MalformedEnvelopeError unless it is an envelope JWS with a well-formed content. */
export function parseEnvelopeWire(wire: string | Uint8Array): ParsedEnvelopeWire {
  const compact = typeof wire === 'string' ? wire : decodeText(wire, 'The wire');
  const segments = compact.split('.');
  if (segments.length !== 3) throw new MalformedEnvelopeError('The wire is not a JWS compact serialization');
  const [headerSegment, contentSegment, signatureSegment] = segments as [string, string, string];

  const jwsHeader = parseJwsHeader(parseJson(decodeSegment(headerSegment, 'protected header'), 'protected header'));
  const content = parseJson(decodeSegment(contentSegment, 'content'), 'content');
  if (!validateEnvelopeContent(content)) {
    throw new MalformedEnvelopeError(
      `The envelope content is not well-formed: ${schemaErrorsText(validateEnvelopeContent.errors)}`,
    );
  }
  const signature = decodeSegment(signatureSegment, 'signature');
  if (signature.length !== ED25519_SIGNATURE_BYTES) {
    throw new MalformedEnvelopeError('The signature is not an Ed25519 signature', content.header.id);
  }
  const signingInput = compact.slice(0, headerSegment.length + 1 + contentSegment.length);
  return { compact, jwsHeader, content, signingInput, signature };
}

function parseJwsHeader(value: unknown): EnvelopeJwsHeader {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedEnvelopeError('The protected header is not a JSON object');
  }
  const header = value as Record<string, unknown>;
  if (header['alg'] !== ENVELOPE_JWS_ALG) throw new MalformedEnvelopeError(`The JWS alg is not ${ENVELOPE_JWS_ALG}`);
  if (header['typ'] !== ENVELOPE_JWS_TYP) throw new MalformedEnvelopeError(`The JWS typ is not ${ENVELOPE_JWS_TYP}`);
  if (typeof header['kid'] !== 'string' || header['kid'] === '') {
    throw new MalformedEnvelopeError('The protected header names no signing key (kid)');
  }
  // No extension is defined for envelopes; one marked critical (b64, ...) would change what is signed.
  if ('crit' in header) throw new MalformedEnvelopeError('The protected header has critical extensions');
  return { alg: ENVELOPE_JWS_ALG, typ: ENVELOPE_JWS_TYP, kid: header['kid'] };
}

function decodeSegment(segment: string, name: string): Uint8Array {
  const bytes = decodeCanonicalBase64url(segment);
  if (bytes === undefined) throw new MalformedEnvelopeError(`The JWS ${name} is not canonical base64url`);
  return bytes;
}

function decodeText(bytes: Uint8Array, name: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new MalformedEnvelopeError(`${name} is not UTF-8`);
  }
}

function parseJson(bytes: Uint8Array, name: string): unknown {
  const text = decodeText(bytes, `The JWS ${name}`);
  try {
    return JSON.parse(text);
  } catch {
    // The parser's message quotes the input; it stays out of the error.
    throw new MalformedEnvelopeError(`The JWS ${name} is not JSON`);
  }
}
