import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SecretFileError, parseSecretJson, readSecretFile } from './secret-file';

describe(readSecretFile, () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'enlace-secret-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('should read a file only its owner may read', async () => {
    const file = join(folder, 'key.json');
    await writeFile(file, 'content', { mode: 0o600 });

    await expect(readSecretFile(file, 'the key')).resolves.toBe('content');
  });

  it.each([0o644, 0o640, 0o604, 0o660])(
    'should refuse a file of mode %o, naming the mode and the fix',
    async (mode) => {
      const file = join(folder, 'key.json');
      await writeFile(file, 'content');
      await chmod(file, mode);

      await expect(readSecretFile(file, 'the key')).rejects.toThrow(
        new SecretFileError(
          `the key ${file} may be read or written by other users (mode ${mode.toString(8)}): make it the owner's only ` +
            `(chmod 600 ${file})`,
        ),
      );
    },
  );

  it('should name a missing file by its error code', async () => {
    const file = join(folder, 'absent.json');

    await expect(readSecretFile(file, 'the key')).rejects.toThrow(`the key ${file} cannot be read (ENOENT)`);
  });
});

describe(parseSecretJson, () => {
  it('should not quote the text it cannot parse', () => {
    expect(() => parseSecretJson('{"k":"SECRET', '/k.json', 'the key')).toThrow(
      new SecretFileError('the key /k.json is not valid JSON'),
    );
  });
});
