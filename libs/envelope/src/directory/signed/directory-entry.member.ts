import type { DirectoryEntryV1 } from '@enlace/contracts';
import type { DirectoryMember, PublicJwkWithMeta } from '../member-directory.port';

type EntryKey = DirectoryEntryV1['signingKeys'][number] | DirectoryEntryV1['encryptionKeys'][number];

function publicKey(key: EntryKey): PublicJwkWithMeta {
  return {
    kid: key.jwk.kid,
    jwk: { ...key.jwk },
    ...(key.validFrom !== undefined && { validFrom: key.validFrom }),
    ...(key.validUntil !== undefined && { validUntil: key.validUntil }),
  };
}

/** What the sealer and the verifier need of a verified directory entry. */
export function memberOfEntry(entry: DirectoryEntryV1): DirectoryMember {
  return {
    country: entry.country,
    nodeId: entry.nodeId,
    organisations: entry.organisations.map((organisation) => organisation.name),
    signingKeys: entry.signingKeys.map(publicKey),
    encryptionKeys: entry.encryptionKeys.map(publicKey),
    validFrom: entry.validFrom,
    ...(entry.validUntil !== undefined && { validUntil: entry.validUntil }),
  };
}
