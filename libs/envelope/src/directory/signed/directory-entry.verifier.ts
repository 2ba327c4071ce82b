import { compactVerify, decodeProtectedHeader, type ProtectedHeaderParameters } from 'jose';
import { ContractViolation, MessageValidator, type DirectoryEntryV1 } from '@enlace/contracts';
import { PublicKeyCache } from '../../keys/public-key-cache';
import { isValidAt } from '../validity';
import { DIRECTORY_ENTRY_JWS_ALG, DIRECTORY_ENTRY_JWS_TYP } from './directory-entry-wire.constants';
import { InvalidDirectoryEntryError } from './invalid-directory-entry.error';
import type { TrustAnchors } from './trust-anchors.types';

export interface DirectoryEntryVerifierOptions {
  /** The clock, replaceable in tests. */
  now?: () => Date;
}

/**
 * Accepts a directory entry only when a trust anchor of ours, valid now, signed exactly these bytes, and they are a
 * well-formed entry of our network for the country the record is keyed by.
 */
export class DirectoryEntryVerifier {
  private readonly anchorKeys = new PublicKeyCache(DIRECTORY_ENTRY_JWS_ALG);
  private readonly validator: MessageValidator = new MessageValidator();
  private readonly now: () => Date;

  constructor(
    private readonly trustAnchors: TrustAnchors,
    options: DirectoryEntryVerifierOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  get network(): string {
    return this.trustAnchors.network;
  }

  /** The verified entry; throws InvalidDirectoryEntryError saying why not. */
  async verify(wire: string | Uint8Array, recordKey?: string): Promise<DirectoryEntryV1> {
    const compact = typeof wire === 'string' ? wire : Buffer.from(wire).toString('utf8');
    const jwsHeader = this.protectedHeader(compact);
    const anchor = this.trustAnchors.anchors.find(
      (candidate) => candidate.kid === jwsHeader.kid && isValidAt(candidate, this.now()),
    );
    if (anchor === undefined) {
      throw new InvalidDirectoryEntryError(
        'UNTRUSTED_SIGNER',
        `directory entry signed with key ${String(jwsHeader.kid)}, not a valid trust anchor of ${this.network}`,
      );
    }
    let signed: Uint8Array;
    try {
      ({ payload: signed } = await compactVerify(compact, await this.anchorKeys.get(anchor), {
        algorithms: [DIRECTORY_ENTRY_JWS_ALG],
      }));
    } catch (error) {
      throw new InvalidDirectoryEntryError('BAD_SIGNATURE', `directory entry has a bad signature`, { cause: error });
    }
    let entry: unknown;
    try {
      entry = JSON.parse(Buffer.from(signed).toString('utf8'));
    } catch {
      throw new InvalidDirectoryEntryError('MALFORMED', 'directory entry content is not JSON');
    }
    try {
      this.validator.assertDirectoryEntry(entry);
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      throw new InvalidDirectoryEntryError('CONTRACT_VIOLATION', `directory entry: ${error.message}`, { cause: error });
    }
    if (entry.network !== this.network) {
      throw new InvalidDirectoryEntryError('MISMATCH', `directory entry of ${entry.country} is for another network`);
    }
    if (recordKey !== undefined && recordKey !== entry.country) {
      throw new InvalidDirectoryEntryError('MISMATCH', `directory entry of ${entry.country} is keyed as ${recordKey}`);
    }
    return entry;
  }

  private protectedHeader(compact: string): ProtectedHeaderParameters {
    let header: ProtectedHeaderParameters;
    try {
      header = decodeProtectedHeader(compact);
    } catch (error) {
      throw new InvalidDirectoryEntryError('MALFORMED', 'not a JWS compact serialization', { cause: error });
    }
    if (
      compact.split('.').length !== 3 ||
      header.alg !== DIRECTORY_ENTRY_JWS_ALG ||
      header.typ !== DIRECTORY_ENTRY_JWS_TYP
    ) {
      throw new InvalidDirectoryEntryError(
        'MALFORMED',
        `not a directory entry JWS (${DIRECTORY_ENTRY_JWS_TYP}, EdDSA)`,
      );
    }
    if (header.crit !== undefined) throw new InvalidDirectoryEntryError('MALFORMED', 'unexpected critical parameters');
    return header;
  }
}
