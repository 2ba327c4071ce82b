import { CompactEncrypt, compactDecrypt } from 'jose';

/**
 * What a ciphertext is bound to: the case and the use within it (a field, an outbox entry). Both are in the JWE's
 * integrity-protected header and checked on opening, so a ciphertext moved to another case or field does not open.
 */
export interface CaseDataBinding {
  readonly caseId: string;
  readonly purpose: string;
}

export class CaseDataCipherError extends Error {
  override readonly name = 'CaseDataCipherError';
}

const ALG = 'dir';
const ENC = 'A256GCM';

/** JSON `value` as a compact JWE (alg dir, enc A256GCM) under the 32-byte `key`, bound to the case and purpose. */
export async function sealCaseData(key: Uint8Array, binding: CaseDataBinding, value: unknown): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(value)))
    .setProtectedHeader({ alg: ALG, enc: ENC, 'enlace.case': binding.caseId, 'enlace.use': binding.purpose })
    .encrypt(key);
}

/** The value sealed by sealCaseData; throws CaseDataCipherError for another key, binding, or altered bytes. */
export async function openCaseData<T = unknown>(key: Uint8Array, binding: CaseDataBinding, sealed: string): Promise<T> {
  let opened: Awaited<ReturnType<typeof compactDecrypt>>;
  try {
    opened = await compactDecrypt(sealed, key, { keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC] });
  } catch (error) {
    throw new CaseDataCipherError(`case data do not open: ${(error as Error).name}`);
  }
  const header = opened.protectedHeader as Record<string, unknown>;
  if (header['enlace.case'] !== binding.caseId || header['enlace.use'] !== binding.purpose) {
    throw new CaseDataCipherError('case data belong to another case or use');
  }
  return JSON.parse(new TextDecoder().decode(opened.plaintext)) as T;
}
