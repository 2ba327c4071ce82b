import { CompactSign } from 'jose';
import type { DirectoryEntryV1 } from '@enlace/contracts';
import { importPrivateKey } from '../../keys/private-key';
import type { PrivateKeyEntry } from '../../keys/node-keys.types';
import { DIRECTORY_ENTRY_JWS_ALG, DIRECTORY_ENTRY_JWS_TYP } from './directory-entry-wire.constants';

/** Signs a directory entry with a trust anchor's private key: the JWS compact serialization to publish. */
export async function signDirectoryEntry(entry: DirectoryEntryV1, anchor: PrivateKeyEntry): Promise<string> {
  const key = await importPrivateKey(anchor, DIRECTORY_ENTRY_JWS_ALG);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(entry)))
    .setProtectedHeader({ alg: DIRECTORY_ENTRY_JWS_ALG, typ: DIRECTORY_ENTRY_JWS_TYP, kid: anchor.kid })
    .sign(key);
}
