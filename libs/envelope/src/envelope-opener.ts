import type { KeyObject } from 'node:crypto';
import { decryptEcdhEsJwe, readCompactJwe, type CompactJwe } from './compact/ecdh-es-jwe';
import type { MemberDirectory } from './directory/member-directory.port';
import type { EnvelopeHeader, OpenedEnvelope, VerifiedEnvelope } from './envelope-header.types';
import { EnvelopeVerifier, type EnvelopeVerifierOptions } from './envelope-verifier';
import { PAYLOAD_ENVELOPE_ID_PARAM, PAYLOAD_FROM_PARAM, PAYLOAD_JWE_ALG } from './envelope-wire.constants';
import { DuplicateEnvelopeError } from './errors/duplicate-envelope.error';
import { MalformedEnvelopeError } from './errors/malformed-envelope.error';
import { OwnKeyUnusableError } from './errors/own-key-unusable.error';
import { TamperedEnvelopeError } from './errors/tampered-envelope.error';
import { UndecryptablePayloadError } from './errors/undecryptable-payload.error';
import { WrongAddresseeError } from './errors/wrong-addressee.error';
import { keyObjectOf } from './keys/key-object';
import type { NodeKeys } from './keys/node-keys.types';
import { importPrivateKey } from './keys/private-key';
import { parseEnvelopeWire } from './wire/envelope-wire.parser';

export interface OpenEnvelopeOptions {
  /** Asked once the envelope is proven authentic and before the payload is decrypted, the costly step. */
  isDuplicate?: (envelopeId: string) => Promise<boolean>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The addressee's side: verifies an envelope, then opens its payload. */
export class EnvelopeOpener {
  private readonly verifier: EnvelopeVerifier;
  private decryptionKey?: Promise<KeyObject>;

  /** `keys` are this node's: their country is the addressee this opener opens envelopes for. */
  constructor(
    private readonly keys: NodeKeys,
    private readonly directory: MemberDirectory,
    network: string,
    options: EnvelopeVerifierOptions = {},
  ) {
    this.verifier = new EnvelopeVerifier(directory, network, options);
  }

  readHeader(wire: string | Uint8Array): EnvelopeHeader {
    return this.verifier.readHeader(wire);
  }

  verify(wire: string | Uint8Array): Promise<VerifiedEnvelope> {
    return this.verifier.verify(wire);
  }

  /**
   * Checks run cheapest first and each refusal has its own error (see README): parse, network, sender, signature,
   * addressee, duplicate, decryption, binding of the payload to this envelope, JSON.
   */
  async open<T = unknown>(wire: string | Uint8Array, options: OpenEnvelopeOptions = {}): Promise<OpenedEnvelope<T>> {
    const parsed = parseEnvelopeWire(wire);
    const { header, digest } = await this.verifier.verifyParsed(parsed);
    const me = this.keys.country;
    if (header.to !== me) {
      throw new WrongAddresseeError(`Envelope ${header.id} is addressed to ${header.to}, not ${me}`, header.id);
    }
    if (options.isDuplicate !== undefined && (await options.isDuplicate(header.id))) {
      throw new DuplicateEnvelopeError(`Envelope ${header.id} was already received`, header.id);
    }
    const jwe = this.readJwe(parsed.content.payload, header);
    const plaintext = await this.decrypt(jwe, header);
    assertBoundToEnvelope(jwe, header);
    return { header, payload: parsePayload<T>(plaintext, header), wire: parsed.compact, digest };
  }

  private readJwe(payload: string, header: EnvelopeHeader): CompactJwe {
    try {
      return readCompactJwe(payload);
    } catch (error) {
      throw new UndecryptablePayloadError(`Envelope ${header.id} payload has no readable JWE header`, header.id, {
        cause: error,
      });
    }
  }

  private async decrypt(jwe: CompactJwe, header: EnvelopeHeader): Promise<Uint8Array> {
    const { encryption } = this.keys;
    const sealedFor = jwe.protectedHeader['kid'];
    if (sealedFor !== encryption.kid) {
      // Sealed for a key the network knows as ours, which this node does not hold: our keys are wrong, not the sender.
      const ours = this.directory.member(this.keys.country)?.encryptionKeys.some((key) => key.kid === sealedFor);
      if (ours) {
        throw new OwnKeyUnusableError(
          `Envelope ${header.id} is sealed for this node's key ${String(sealedFor)}, listed in the directory, but this node holds ${encryption.kid}`,
        );
      }
      throw new UndecryptablePayloadError(
        `Envelope ${header.id} payload is sealed for another key than ${encryption.kid}`,
        header.id,
      );
    }
    // Outside the try: an unusable own key is the node's fault, not the envelope's, and must not dead-letter it.
    let decryptionKey: KeyObject;
    try {
      decryptionKey = await this.ownDecryptionKey();
    } catch (error) {
      this.decryptionKey = undefined; // a key file fixed meanwhile is read again on the next try
      throw new OwnKeyUnusableError(`this node's encryption key ${encryption.kid} cannot be used`, { cause: error });
    }
    try {
      return decryptEcdhEsJwe(jwe, decryptionKey);
    } catch (error) {
      throw new UndecryptablePayloadError(`Envelope ${header.id} payload cannot be decrypted`, header.id, {
        cause: error,
      });
    }
  }

  private ownDecryptionKey(): Promise<KeyObject> {
    // Imported on first use rather than in the constructor, so that a bad key fails a call, not the process.
    this.decryptionKey ??= importPrivateKey(this.keys.encryption, PAYLOAD_JWE_ALG).then((key) =>
      keyObjectOf(key, 'x25519', 'private'),
    );
    return this.decryptionKey;
  }
}

/**
 * Refuses a payload that another member lifted from an envelope it received and re-signed as its own. Asked only
 * once the payload decrypted: from then on its protected header is authenticated.
 */
function assertBoundToEnvelope(jwe: CompactJwe, header: EnvelopeHeader): void {
  const sealed = jwe.protectedHeader;
  if (sealed[PAYLOAD_FROM_PARAM] !== header.from || sealed[PAYLOAD_ENVELOPE_ID_PARAM] !== header.id) {
    throw new TamperedEnvelopeError(
      `Envelope ${header.id} from ${header.from} carries a payload sealed for another envelope or sender`,
      header.id,
    );
  }
}

function parsePayload<T>(plaintext: Uint8Array, header: EnvelopeHeader): T {
  try {
    return JSON.parse(utf8.decode(plaintext)) as T;
  } catch {
    // The parser's message would quote the payload: personal data stays out of errors.
    throw new MalformedEnvelopeError(
      `Envelope ${header.id} from ${header.from} has a payload that is not JSON`,
      header.id,
    );
  }
}
