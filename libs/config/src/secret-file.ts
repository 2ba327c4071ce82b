import { open } from 'node:fs/promises';

/** A file of secrets (a private key, a key-encryption key) that cannot be used; the message never quotes it. */
export class SecretFileError extends Error {
  override readonly name = 'SecretFileError';
}

/** Permission bits of group and others: a file of secrets has none of them. */
const SHARED_BITS = 0o077;

/**
 * Reads a file of secrets after checking that only its owner may read or write it (as ssh does with a private key):
 * a key file readable by other users of the machine is a leak waiting to happen, so it is refused, not used. The
 * mode is read from the open file, so the check and the read are of the same file.
 */
export async function readSecretFile(file: string, what: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new SecretFileError(`${what} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const { mode } = await handle.stat();
    if ((mode & SHARED_BITS) !== 0) {
      const octal = (mode & 0o777).toString(8).padStart(3, '0');
      throw new SecretFileError(
        `${what} ${file} may be read or written by other users (mode ${octal}): make it the owner's only ` +
          `(chmod 600 ${file})`,
      );
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Parses a file of secrets as JSON; a syntax error is reported without the parser's message, which quotes the text. */
export function parseSecretJson(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SecretFileError(`${what} ${file} is not valid JSON`);
  }
}
