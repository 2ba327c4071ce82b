import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { KeyEncryptionKeyError, ensureKeyEncryptionKeyFile, loadKeyEncryptionKey } from './key-encryption-key';

describe('key-encryption key file', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-kek-'));
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  describe('ensureKeyEncryptionKeyFile', () => {
    it('should write a random 32-byte key readable by its owner only, and keep it on the next call', async () => {
      const file = path.join(dir, 'secrets', 'co.case-kek.json');
      const first = await ensureKeyEncryptionKeyFile(file);
      expect(first.key).toHaveLength(32);
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
      const again = await ensureKeyEncryptionKeyFile(file);
      expect(again).toEqual(first);
      const other = await ensureKeyEncryptionKeyFile(path.join(dir, 'other.json'));
      expect(Buffer.from(other.key).equals(Buffer.from(first.key))).toBe(false);
    });
  });

  describe('loadKeyEncryptionKey', () => {
    it.each([
      ['missing', undefined],
      ['not JSON', 'nope'],
      ['of another type', JSON.stringify({ kty: 'OKP', kid: 'a', k: Buffer.alloc(32).toString('base64url') })],
      ['too short', JSON.stringify({ kty: 'oct', kid: 'a', k: Buffer.alloc(16).toString('base64url') })],
      ['without kid', JSON.stringify({ kty: 'oct', k: Buffer.alloc(32).toString('base64url') })],
    ])('should refuse a file that is %s', async (_case, content) => {
      const file = path.join(dir, 'kek.json');
      if (content !== undefined) await fs.writeFile(file, content, { mode: 0o600 });
      await expect(loadKeyEncryptionKey(file)).rejects.toBeInstanceOf(KeyEncryptionKeyError);
    });

    it('should refuse a good key in a file other users may read, naming the mode and not the key', async () => {
      const file = path.join(dir, 'kek.json');
      const { key } = await ensureKeyEncryptionKeyFile(file);
      await fs.chmod(file, 0o640);

      const refusal = (await loadKeyEncryptionKey(file).catch((error: unknown) => error)) as Error;

      expect(refusal).toBeInstanceOf(KeyEncryptionKeyError);
      expect(refusal.message).toMatch(/mode 640/);
      expect(refusal.message).not.toContain(Buffer.from(key).toString('base64url'));
    });

    it('should not quote a damaged file in its message', async () => {
      const file = path.join(dir, 'kek.json');
      await fs.writeFile(file, '{"kty":"oct","k":"SECRET-MATERIAL', { mode: 0o600 });

      const refusal = (await loadKeyEncryptionKey(file).catch((error: unknown) => error)) as Error;

      expect(refusal.message).toMatch(/not valid JSON/);
      expect(refusal.message).not.toContain('SECRET-MATERIAL');
    });
  });
});
