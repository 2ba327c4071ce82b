import { randomBytes } from 'node:crypto';
import { openCaseData, sealCaseData } from './case-data-cipher';
import type { KeyEncryptionKey } from './key-encryption-key';

/** A key made for a new case and not stored yet: the caller inserts `row` with the case, in one statement. */
export interface UnstoredCaseKey {
  readonly key: Uint8Array;
  readonly row: { case_id: string; wrapped_key: string; kek_id: string; created_at: Date };
}

const wrapBinding = (caseId: string) => ({ caseId, purpose: 'case-key' });

/** A case's data key wrapped by the node's key-encryption key, bound to the case: `case_keys.wrapped_key`. */
export function wrapCaseKey(kek: KeyEncryptionKey, caseId: string, key: Uint8Array): Promise<string> {
  return sealCaseData(kek.key, wrapBinding(caseId), Buffer.from(key).toString('base64url'));
}

/** The data key `wrapCaseKey` wrapped; throws CaseDataCipherError for another key-encryption key, case or bytes. */
export async function unwrapCaseKey(kek: KeyEncryptionKey, caseId: string, wrapped: string): Promise<Uint8Array> {
  const encoded = await openCaseData<string>(kek.key, wrapBinding(caseId), wrapped);
  return new Uint8Array(Buffer.from(encoded, 'base64url'));
}

/**
 * A new random data key for a case, wrapped, with the row that stores it: no database is read or written here (the
 * case key store inserts it, or its caller inserts it with the case).
 */
export async function makeCaseKey(kek: KeyEncryptionKey, caseId: string): Promise<UnstoredCaseKey> {
  const key = new Uint8Array(randomBytes(32));
  return {
    key,
    row: { case_id: caseId, wrapped_key: await wrapCaseKey(kek, caseId, key), kek_id: kek.kid, created_at: new Date() },
  };
}
