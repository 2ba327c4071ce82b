import type { KeyObject } from 'node:crypto';
import { encryptEcdhEsJwe } from './compact/ecdh-es-jwe';
import { signEd25519Jws } from './compact/ed25519-jws';
import type { MemberDirectory, PublicJwkWithMeta } from './directory/member-directory.port';
import { isValidAt } from './directory/validity';
import type { EnvelopeContent, EnvelopeHeader } from './envelope-header.types';
import {
  ENVELOPE_JWS_ALG,
  ENVELOPE_JWS_TYP,
  PAYLOAD_ENVELOPE_ID_PARAM,
  PAYLOAD_FROM_PARAM,
  PAYLOAD_JWE_ALG,
  PAYLOAD_JWE_ENC,
} from './envelope-wire.constants';
import { MalformedEnvelopeError } from './errors/malformed-envelope.error';
import { UnknownRecipientError } from './errors/unknown-recipient.error';
import { keyObjectOf } from './keys/key-object';
import type { NodeKeys } from './keys/node-keys.types';
import { importPrivateKey } from './keys/private-key';
import { PublicKeyCache } from './keys/public-key-cache';
import { schemaErrorsText } from './wire/ajv';
import { validateEnvelopeContent } from './wire/envelope-content.schema';

export interface EnvelopeSealerOptions {
  /** The clock, replaceable in tests. */
  now?: () => Date;
}

/**
 * A header as the caller knows it. The id is required because it must survive retries (it is how duplicates are
 * detected); network and sender are this node's, and sentAt defaults to now.
 */
export type EnvelopeDraftHeader = Omit<EnvelopeHeader, 'network' | 'from' | 'sentAt'> &
  Partial<Pick<EnvelopeHeader, 'network' | 'from' | 'sentAt'>>;

const utf8 = new TextEncoder();

/** The sender's side: encrypts a payload for its addressee and signs the envelope. */
export class EnvelopeSealer {
  private readonly recipientKeys = new PublicKeyCache(PAYLOAD_JWE_ALG);
  private readonly now: () => Date;
  private signingKey?: Promise<KeyObject>;

  /** `keys` are this node's: their country is the sender of everything this sealer seals. */
  constructor(
    private readonly keys: NodeKeys,
    private readonly directory: MemberDirectory,
    private readonly network: string,
    options: EnvelopeSealerOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Returns the wire: a JWS compact serialization, ready to be a Kafka record value. */
  async seal(draft: EnvelopeDraftHeader, payload: unknown): Promise<string> {
    const header = this.completeHeader(draft);
    const recipientKey = this.recipientKey(header);
    const jwe = encryptEcdhEsJwe(
      serialisePayload(payload, header),
      {
        alg: PAYLOAD_JWE_ALG,
        enc: PAYLOAD_JWE_ENC,
        kid: recipientKey.kid,
        [PAYLOAD_FROM_PARAM]: header.from,
        [PAYLOAD_ENVELOPE_ID_PARAM]: header.id,
      },
      await this.importRecipientKey(recipientKey, header),
    );
    const content: EnvelopeContent = { header, payload: jwe };
    // What we send must be what every reader accepts: the same schema checks both ends.
    if (!validateEnvelopeContent(content)) {
      throw new MalformedEnvelopeError(
        `Cannot seal envelope ${header.id}: ${schemaErrorsText(validateEnvelopeContent.errors)}`,
        header.id,
      );
    }
    return signEd25519Jws(
      { alg: ENVELOPE_JWS_ALG, typ: ENVELOPE_JWS_TYP, kid: this.keys.signing.kid },
      utf8.encode(JSON.stringify(content)),
      await this.ownSigningKey(),
    );
  }

  private completeHeader(draft: EnvelopeDraftHeader): EnvelopeHeader {
    const { network, keys } = this;
    if (draft.network !== undefined && draft.network !== network) {
      throw new MalformedEnvelopeError(
        `Cannot seal envelope ${draft.id} for network ${draft.network} from ${network}`,
        draft.id,
      );
    }
    if (draft.from !== undefined && draft.from !== keys.country) {
      throw new MalformedEnvelopeError(
        `Cannot seal envelope ${draft.id} as ${draft.from}: this node is ${keys.country}`,
        draft.id,
      );
    }
    const {
      id,
      type,
      to,
      caseId,
      correlationId,
      causationId,
      sentAt,
      schema,
      network: _n,
      from: _f,
      ...extensions
    } = draft;
    return {
      id,
      type,
      network,
      from: keys.country,
      to,
      caseId,
      correlationId,
      ...(causationId !== undefined && { causationId }),
      sentAt: sentAt ?? this.now().toISOString(),
      schema,
      ...extensions,
    };
  }

  /** The addressee's newest encryption key valid now; older ones stay usable by others during a rotation. */
  private recipientKey(header: EnvelopeHeader): PublicJwkWithMeta {
    const now = this.now();
    const member = this.directory.member(header.to);
    const candidates =
      member !== undefined && isValidAt(member, now) ? member.encryptionKeys.filter((key) => isValidAt(key, now)) : [];
    const newest = candidates.reduce<PublicJwkWithMeta | undefined>(
      (best, key) => (best === undefined || startOf(key) >= startOf(best) ? key : best),
      undefined,
    );
    if (newest === undefined) {
      throw new UnknownRecipientError(
        `Cannot seal envelope ${header.id}: ${header.to} has no valid encryption key in the directory`,
        header.id,
      );
    }
    return newest;
  }

  private async importRecipientKey(key: PublicJwkWithMeta, header: EnvelopeHeader): Promise<KeyObject> {
    try {
      // jose would take a P-256 key for ECDH-ES too; envelopes are sealed to X25519 keys only.
      return keyObjectOf(await this.recipientKeys.get(key), 'x25519', 'public');
    } catch (error) {
      throw new UnknownRecipientError(
        `Encryption key ${key.kid} of ${header.to} in the directory is unusable`,
        header.id,
        {
          cause: error,
        },
      );
    }
  }

  private ownSigningKey(): Promise<KeyObject> {
    // Imported on first use rather than in the constructor, so that a bad key fails a call, not the process.
    this.signingKey ??= importPrivateKey(this.keys.signing, ENVELOPE_JWS_ALG).then((key) =>
      keyObjectOf(key, 'ed25519', 'private'),
    );
    return this.signingKey;
  }
}

function startOf(key: PublicJwkWithMeta): number {
  return key.validFrom === undefined ? Number.NEGATIVE_INFINITY : Date.parse(key.validFrom);
}

function serialisePayload(payload: unknown, header: EnvelopeHeader): Uint8Array {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch {
    json = undefined;
  }
  if (json === undefined) {
    throw new MalformedEnvelopeError(
      `Cannot seal envelope ${header.id}: the payload is not JSON-serialisable`,
      header.id,
    );
  }
  return utf8.encode(json);
}
