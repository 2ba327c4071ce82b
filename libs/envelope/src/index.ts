export type { EnvelopeContent, EnvelopeHeader, OpenedEnvelope, VerifiedEnvelope } from './envelope-header.types';
export {
  ENVELOPE_JWS_ALG,
  ENVELOPE_JWS_TYP,
  PAYLOAD_ENVELOPE_ID_PARAM,
  PAYLOAD_FROM_PARAM,
  PAYLOAD_JWE_ALG,
  PAYLOAD_JWE_ENC,
} from './envelope-wire.constants';
export { EnvelopeSealer, type EnvelopeDraftHeader, type EnvelopeSealerOptions } from './envelope-sealer';
export { EnvelopeVerifier, type EnvelopeVerifierOptions } from './envelope-verifier';
export { EnvelopeOpener, type OpenEnvelopeOptions } from './envelope-opener';
export { OwnKeyUnusableError } from './errors/own-key-unusable.error';
export { envelopeDigest } from './envelope-digest';
export {
  decryptEcdhEsJwe,
  encryptEcdhEsJwe,
  readCompactJwe,
  type CompactJwe,
  type EcdhEsJweHeaderParameters,
} from './compact/ecdh-es-jwe';
export { signEd25519Jws, verifyEd25519Jws } from './compact/ed25519-jws';
export { InvalidCompactJoseError } from './compact/invalid-compact-jose.error';

export type { DirectoryMember, MemberDirectory, PublicJwkWithMeta, Validity } from './directory/member-directory.port';
export { FileMemberDirectory } from './directory/file-member-directory';
export { InMemoryMemberDirectory } from './directory/in-memory-member-directory';
export { InvalidMemberDirectoryError } from './directory/invalid-member-directory.error';
export { directoryMemberSchema, type MemberDirectoryFile } from './directory/member-directory-file.schema';
export { isValidAt } from './directory/validity';

export type { GeneratedNodeKeys, NodeKeys, PrivateKeyEntry } from './keys/node-keys.types';
export { generateNodeKeys, loadNodeKeys, saveNodeKeys, type GenerateNodeKeysOptions } from './keys/node-keys';
export { InvalidNodeKeysError } from './keys/invalid-node-keys.error';

export { EnvelopeError, type EnvelopeErrorCode } from './errors/envelope.error';
export { DuplicateEnvelopeError } from './errors/duplicate-envelope.error';
export { MalformedEnvelopeError } from './errors/malformed-envelope.error';
export { TamperedEnvelopeError } from './errors/tampered-envelope.error';
export { UndecryptablePayloadError } from './errors/undecryptable-payload.error';
export { UnknownRecipientError } from './errors/unknown-recipient.error';
export { UnknownSenderError } from './errors/unknown-sender.error';
export { WrongAddresseeError } from './errors/wrong-addressee.error';
export { WrongNetworkError } from './errors/wrong-network.error';

export { RevokedSenderError } from './errors/revoked-sender.error';
export { DIRECTORY_ENTRY_JWS_ALG, DIRECTORY_ENTRY_JWS_TYP } from './directory/signed/directory-entry-wire.constants';
export type { TrustAnchors } from './directory/signed/trust-anchors.types';
export {
  generateTrustAnchor,
  loadTrustAnchors,
  writePrivateFile,
  type GeneratedTrustAnchor,
} from './directory/signed/trust-anchors.file';
export { InvalidTrustAnchorsError } from './directory/signed/invalid-trust-anchors.error';
export { InvalidDirectoryEntryError } from './directory/signed/invalid-directory-entry.error';
export { signDirectoryEntry } from './directory/signed/directory-entry.signer';
export {
  DirectoryEntryVerifier,
  type DirectoryEntryVerifierOptions,
} from './directory/signed/directory-entry.verifier';
export { memberOfEntry } from './directory/signed/directory-entry.member';
export {
  issueDirectoryEntry,
  revokeDirectoryEntry,
  rotateSigningKey,
  type NewDirectoryEntry,
} from './directory/signed/directory-entry.issuer';
export {
  SignedMemberDirectory,
  type DirectoryChange,
  type SignedMemberDirectoryOptions,
} from './directory/signed/signed-member-directory';
export { DirectoryAuthority, readPublicKeys, type IssuedEntry } from './directory/authority/directory-authority';
export { NodeStatementTypes } from './statement/node-statement-types';
export { NodeStatementSigner } from './statement/node-statement.signer';
export { NodeStatementVerifier } from './statement/node-statement.verifier';
export { InvalidNodeStatementError } from './statement/invalid-node-statement.error';
