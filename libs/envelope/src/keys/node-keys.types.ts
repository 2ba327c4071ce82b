import type { JWK } from 'jose';
import type { DirectoryMember } from '../directory/member-directory.port';

export interface PrivateKeyEntry {
  kid: string;
  privateJwk: JWK;
}

/** A node's private keys. Only the courier holds them; they live in their own file, never in the directory. */
export interface NodeKeys {
  country: string;
  /** Ed25519: signs the envelopes this node sends. */
  signing: PrivateKeyEntry;
  /** X25519: opens the payloads sealed for this node. */
  encryption: PrivateKeyEntry;
}

export interface GeneratedNodeKeys {
  nodeKeys: NodeKeys;
  /** The public halves, ready for the node's directory entry. */
  publicKeys: Pick<DirectoryMember, 'signingKeys' | 'encryptionKeys'>;
}
