import type { DirectoryEntryV1 } from '@enlace/contracts';
import type { PublicJwkWithMeta } from '../member-directory.port';

type SigningKey = DirectoryEntryV1['signingKeys'][number];
type EncryptionKey = DirectoryEntryV1['encryptionKeys'][number];

export interface NewDirectoryEntry {
  network: string;
  country: string;
  nodeId: string;
  organisations: DirectoryEntryV1['organisations'];
  signingKey: PublicJwkWithMeta;
  encryptionKey: PublicJwkWithMeta;
  validFrom: string;
  validUntil?: string;
}

function withKid<T extends { kid?: string }>(key: PublicJwkWithMeta, use: 'sig' | 'enc', alg: string): T {
  const { kty, crv, x } = key.jwk;
  return { kty, crv, x, kid: key.kid, alg, use } as unknown as T;
}

function signingKeyOf(key: PublicJwkWithMeta, validFrom?: string): SigningKey {
  return { jwk: withKid(key, 'sig', 'EdDSA'), ...(validFrom !== undefined && { validFrom }) };
}

function encryptionKeyOf(key: PublicJwkWithMeta): EncryptionKey {
  return { jwk: withKid(key, 'enc', 'ECDH-ES') };
}

/** A strictly later issue time than the previous entry's, so that the new entry replaces it everywhere. */
function laterThan(previous: DirectoryEntryV1, at: Date): string {
  const after = Math.max(at.getTime(), Date.parse(previous.issuedAt) + 1);
  return new Date(after).toISOString();
}

/** A member's first entry, issued at `at`. */
export function issueDirectoryEntry(fields: NewDirectoryEntry, at: Date): DirectoryEntryV1 {
  return {
    network: fields.network,
    country: fields.country,
    nodeId: fields.nodeId,
    organisations: fields.organisations.map((organisation) => ({ ...organisation })),
    signingKeys: [signingKeyOf(fields.signingKey)],
    encryptionKeys: [encryptionKeyOf(fields.encryptionKey)],
    validFrom: fields.validFrom,
    ...(fields.validUntil !== undefined && { validUntil: fields.validUntil }),
    issuedAt: at.toISOString(),
  };
}

/**
 * The entry after a rotation of the member's signing key: the new key is valid from `at`; the keys valid until now
 * stay valid until the end of the overlap (or their own earlier end), so that envelopes signed with either verify
 * while both nodes and messages in flight catch up; keys already expired are dropped.
 */
export function rotateSigningKey(
  previous: DirectoryEntryV1,
  newKey: PublicJwkWithMeta,
  at: Date,
  overlapMs: number,
): DirectoryEntryV1 {
  const overlapEnd = new Date(at.getTime() + overlapMs).toISOString();
  const kept = previous.signingKeys
    .filter((key) => key.validUntil === undefined || Date.parse(key.validUntil) > at.getTime())
    .filter((key) => key.jwk.kid !== newKey.kid)
    .map((key) => ({
      ...key,
      validUntil:
        key.validUntil !== undefined && Date.parse(key.validUntil) < Date.parse(overlapEnd)
          ? key.validUntil
          : overlapEnd,
    }))
    .slice(-3);
  return {
    ...previous,
    signingKeys: [...kept, signingKeyOf(newKey, at.toISOString())],
    issuedAt: laterThan(previous, at),
  };
}

/** The entry that revokes the member from `at`: its envelopes are refused and nothing is sealed for it. */
export function revokeDirectoryEntry(previous: DirectoryEntryV1, at: Date): DirectoryEntryV1 {
  return { ...previous, revokedAt: at.toISOString(), issuedAt: laterThan(previous, at) };
}

/**
 * The entry that removes the member from the network at `at`: nodes forget its keys. It is signed like any other
 * and stays on the compacted topic as the member's newest entry, so an older one replayed after it is ignored (a
 * null record would let compaction forget the member's newest issue time, and cannot be signed).
 */
export function removeDirectoryEntry(previous: DirectoryEntryV1, at: Date): DirectoryEntryV1 {
  return { ...previous, removedAt: at.toISOString(), issuedAt: laterThan(previous, at) };
}
