import { verifyEd25519Jws } from '../compact/ed25519-jws';
import type { MemberDirectory } from '../directory/member-directory.port';
import { isValidAt } from '../directory/validity';
import { ENVELOPE_JWS_ALG } from '../envelope-wire.constants';
import { keyObjectOf } from '../keys/key-object';
import { PublicKeyCache } from '../keys/public-key-cache';
import { decodeCanonicalBase64url } from '../wire/base64url-segment';
import { InvalidNodeStatementError } from './invalid-node-statement.error';

const CLOCK_TOLERANCE_MS = 60_000;

/**
 * Checks a node's signed statement with nothing but the directory: the JWS header is EdDSA of the expected type, the
 * payload names a current member, and the signature holds under one of that member's signing keys valid now.
 * Returns the payload; throws InvalidNodeStatementError otherwise.
 */
export class NodeStatementVerifier {
  private readonly keys = new PublicKeyCache(ENVELOPE_JWS_ALG);

  constructor(
    private readonly directory: MemberDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async verify(typ: string, wire: string): Promise<{ country: string } & Record<string, unknown>> {
    const segments = wire.split('.');
    if (segments.length !== 3) throw new InvalidNodeStatementError('not a JWS compact serialization');
    const [headerSegment, payloadSegment, signatureSegment] = segments as [string, string, string];
    const header = jsonOf(headerSegment);
    if (header?.['alg'] !== ENVELOPE_JWS_ALG || header['typ'] !== typ || typeof header['kid'] !== 'string') {
      throw new InvalidNodeStatementError(`the JWS header is not one of a ${typ} statement`);
    }
    const payload = jsonOf(payloadSegment);
    const country = payload?.['country'];
    if (!payload || typeof country !== 'string') throw new InvalidNodeStatementError('the statement names no country');
    const member = this.directory.member(country);
    const now = this.now();
    const key = member?.signingKeys.find(
      (candidate) => candidate.kid === header['kid'] && isValidAt(candidate, now, CLOCK_TOLERANCE_MS),
    );
    if (!member || !isValidAt(member, now, CLOCK_TOLERANCE_MS) || !key) {
      throw new InvalidNodeStatementError(`${country} has no current signing key ${String(header['kid'])}`);
    }
    const signature = decodeCanonicalBase64url(signatureSegment);
    if (!signature) throw new InvalidNodeStatementError('the signature is not base64url');
    try {
      verifyEd25519Jws(
        `${headerSegment}.${payloadSegment}`,
        signature,
        keyObjectOf(await this.keys.get(key), 'ed25519', 'public'),
      );
    } catch (error) {
      throw new InvalidNodeStatementError(`the signature of ${country}'s statement does not verify`, { cause: error });
    }
    return payload as { country: string } & Record<string, unknown>;
  }
}

function jsonOf(segment: string): Record<string, unknown> | undefined {
  const bytes = decodeCanonicalBase64url(segment);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
