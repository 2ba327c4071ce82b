import type { KeyObject } from 'node:crypto';
import { verifyEd25519Jws } from './compact/ed25519-jws';
import type { DirectoryMember, MemberDirectory, PublicJwkWithMeta, Validity } from './directory/member-directory.port';
import { isValidAt } from './directory/validity';
import { envelopeDigest } from './envelope-digest';
import type { EnvelopeHeader, VerifiedEnvelope } from './envelope-header.types';
import { ENVELOPE_JWS_ALG } from './envelope-wire.constants';
import { RevokedSenderError } from './errors/revoked-sender.error';
import { TamperedEnvelopeError } from './errors/tampered-envelope.error';
import { UnknownSenderError } from './errors/unknown-sender.error';
import { WrongNetworkError } from './errors/wrong-network.error';
import { keyObjectOf } from './keys/key-object';
import { PublicKeyCache } from './keys/public-key-cache';
import { parseEnvelopeWire, type ParsedEnvelopeWire } from './wire/envelope-wire.parser';

export interface EnvelopeVerifierOptions {
  /** The clock, replaceable in tests. */
  now?: () => Date;
  /** Accepts members and keys whose validity starts this much later than our clock says: skew between nodes. */
  clockToleranceMs?: number;
}

const DEFAULT_CLOCK_TOLERANCE_MS = 60_000;

/**
 * Checks envelopes with nothing but the directory: what the secretariat, a Kafka operator or a node's courier can
 * do before anything is decrypted. Needs no private key.
 */
export class EnvelopeVerifier {
  private readonly signingKeys = new PublicKeyCache(ENVELOPE_JWS_ALG);
  private readonly now: () => Date;
  private readonly clockToleranceMs: number;

  constructor(
    private readonly directory: MemberDirectory,
    private readonly network: string,
    options: EnvelopeVerifierOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.clockToleranceMs = options.clockToleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS;
  }

  /** The header without any check of the signature: for routing and statistics only, never for trust. */
  readHeader(wire: string | Uint8Array): EnvelopeHeader {
    return parseEnvelopeWire(wire).content.header;
  }

  /** Proves that the header comes from its sender, unaltered. */
  verify(wire: string | Uint8Array): Promise<VerifiedEnvelope> {
    return this.verifyParsed(parseEnvelopeWire(wire));
  }

  /** The same proof for a wire already taken apart, so that the opener parses each wire once. */
  async verifyParsed(parsed: ParsedEnvelopeWire): Promise<VerifiedEnvelope> {
    const { header } = parsed.content;
    if (header.network !== this.network) {
      throw new WrongNetworkError(
        `Envelope ${header.id} belongs to network ${header.network}, not ${this.network}`,
        header.id,
      );
    }
    const signingKey = await this.senderKey(header, parsed.jwsHeader.kid);
    // The parser has checked the JWS header (alg, typ, kid, no crit) and decoded the content from the very segment
    // the signature covers: once the signature holds, what was read is what was signed.
    try {
      verifyEd25519Jws(parsed.signingInput, parsed.signature, signingKey);
    } catch (error) {
      throw new TamperedEnvelopeError(`Envelope ${header.id} from ${header.from} has a bad signature`, header.id, {
        cause: error,
      });
    }
    return { header, signingKid: parsed.jwsHeader.kid, digest: envelopeDigest(parsed.compact) };
  }

  private async senderKey(header: EnvelopeHeader, kid: string): Promise<KeyObject> {
    const sentAt = new Date(header.sentAt);
    const now = this.now();
    const member = this.directory.member(header.from);
    if (member === undefined && this.directory.isRevoked?.(header.from) === true) {
      throw new RevokedSenderError(
        `Envelope ${header.id} comes from ${header.from}, whose membership of ${this.network} is revoked`,
        header.id,
      );
    }
    if (member === undefined || !this.validAtBoth(member, sentAt, now)) {
      throw new UnknownSenderError(
        `Envelope ${header.id} comes from ${header.from}, which is not a current member of ${this.network}`,
        header.id,
      );
    }
    const key = this.currentSigningKey(member, kid, sentAt, now);
    if (key === undefined) {
      throw new UnknownSenderError(
        `Envelope ${header.id} is signed with key ${kid}, not a valid signing key of ${header.from}`,
        header.id,
      );
    }
    try {
      return keyObjectOf(await this.signingKeys.get(key), 'ed25519', 'public');
    } catch (error) {
      throw new UnknownSenderError(`Signing key ${kid} of ${header.from} in the directory is unusable`, header.id, {
        cause: error,
      });
    }
  }

  private currentSigningKey(
    member: DirectoryMember,
    kid: string,
    sentAt: Date,
    now: Date,
  ): PublicJwkWithMeta | undefined {
    return member.signingKeys.find((key) => key.kid === kid && this.validAtBoth(key, sentAt, now));
  }

  /**
   * Valid when sent, so a key cannot sign for a time before it existed; and valid now, so that ending a key's
   * validity in the directory revokes it even for envelopes that claim an earlier date.
   */
  private validAtBoth(validity: Validity, sentAt: Date, now: Date): boolean {
    return isValidAt(validity, sentAt, this.clockToleranceMs) && isValidAt(validity, now, this.clockToleranceMs);
  }
}
