import type { JWK } from 'jose';

/** Bounds of a validity period, ISO 8601 date-times; `validUntil` is exclusive. */
export interface Validity {
  validFrom?: string;
  validUntil?: string;
}

/**
 * A member's public key. A member lists several keys of one use to rotate them with an overlap: a signature is
 * accepted with any key whose kid matches and that is valid at the time sent and now.
 */
export interface PublicJwkWithMeta extends Validity {
  kid: string;
  jwk: JWK;
}

export interface DirectoryMember {
  country: string;
  nodeId: string;
  organisations: string[];
  /** Ed25519 keys that verify the member's envelopes. */
  signingKeys: PublicJwkWithMeta[];
  /** X25519 keys that payloads for the member are sealed to. */
  encryptionKeys: PublicJwkWithMeta[];
  validFrom: string;
  validUntil?: string;
}

/** The network's signed list of members, as this node currently knows it. */
export interface MemberDirectory {
  /** The member's current entry; undefined for a country that is unknown, removed or revoked. */
  member(country: string): DirectoryMember | undefined;
  /** Whether a trust anchor revoked the country's entry (a signed directory knows; a plain file never does). */
  isRevoked?(country: string): boolean;
}
