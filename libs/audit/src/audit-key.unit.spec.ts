import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AuditKeyError, ensureAuditKeyFile, loadAuditKey } from './audit-key';

describe('audit key file', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'enlace-audit-key-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe(ensureAuditKeyFile.name, () => {
    it('should write 32 random bytes readable by the owner only, and keep them when run again', async () => {
      const file = path.join(dir, 'secrets', 'co.audit-key.json');

      const first = await ensureAuditKeyFile(file);
      const again = await ensureAuditKeyFile(file);
      const other = await ensureAuditKeyFile(path.join(dir, 'other.json'));

      expect(first.key).toHaveLength(32);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(again).toEqual(first);
      expect(other.id).not.toBe(first.id);
    });
  });

  describe(loadAuditKey.name, () => {
    it.each([0o640, 0o604, 0o660])('should refuse a file group or others may read (mode %o)', async (mode) => {
      const file = path.join(dir, 'key.json');
      await ensureAuditKeyFile(file);
      await chmod(file, mode);

      await expect(loadAuditKey(file)).rejects.toThrow(AuditKeyError);
      await expect(loadAuditKey(file)).rejects.toThrow(/may be read or written by other users/);
    });

    it('should refuse a missing file, naming it', async () => {
      const file = path.join(dir, 'absent.json');

      await expect(loadAuditKey(file)).rejects.toThrow(`${file} cannot be read (ENOENT)`);
    });

    it('should refuse a key of another length without quoting the file', async () => {
      const file = path.join(dir, 'short.json');
      await writeFile(file, JSON.stringify({ kty: 'oct', alg: 'HS256', k: 'c2hvcnQta2V5' }), { mode: 0o600 });

      const refused = loadAuditKey(file);

      await expect(refused).rejects.toThrow('must hold an oct JWK with 32 bytes in k');
      await expect(loadAuditKey(file)).rejects.toThrow(
        expect.objectContaining({ message: expect.not.stringContaining('c2hvcnQta2V5') }),
      );
      expect(await readFile(file, 'utf8')).toContain('c2hvcnQta2V5');
    });
  });
});
