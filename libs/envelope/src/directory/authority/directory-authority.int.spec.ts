import { chmod, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generateNodeKeys } from '../../keys/node-keys';
import { DirectoryAuthority } from './directory-authority';

// On the file system (a real folder, no mocks): what the authority does with its own files.
describe(DirectoryAuthority, () => {
  let folder: string;
  let dir: string;
  const privateFile = (): string => join(dir, 'anchor.private.json');

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'enlace-authority-'));
    dir = join(folder, 'authority');
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  describe('open', () => {
    it('should make the trust anchor in an empty folder, and open the same one again', async () => {
      const first = await DirectoryAuthority.open(dir, 'andes');
      const anchors = await readFile(first.trustAnchorsFile, 'utf8');

      await DirectoryAuthority.open(dir, 'andes');

      expect(await readFile(first.trustAnchorsFile, 'utf8')).toBe(anchors);
    });

    it('should refuse to make a new anchor when the private file is missing but the network trusts one', async () => {
      const authority = await DirectoryAuthority.open(dir, 'andes');
      const anchors = await readFile(authority.trustAnchorsFile, 'utf8');
      await unlink(privateFile());

      await expect(DirectoryAuthority.open(dir, 'andes')).rejects.toThrow(/restore the anchor's private file/);
      expect(await readFile(authority.trustAnchorsFile, 'utf8')).toBe(anchors);
    });

    it('should refuse a damaged private file without quoting it, and leave it as it is', async () => {
      await DirectoryAuthority.open(dir, 'andes');
      const damaged = '{"kid":"anchor","d":"SECRET-PART';
      await writeFile(privateFile(), damaged, { mode: 0o600 });

      const opening = DirectoryAuthority.open(dir, 'andes');

      await expect(opening).rejects.toThrow(/not valid JSON/);
      await expect(opening).rejects.not.toThrow(/SECRET-PART/);
      expect(await readFile(privateFile(), 'utf8')).toBe(damaged);
    });

    it('should refuse an unreadable private file instead of replacing it', async () => {
      if (process.getuid?.() === 0) return; // root reads any file: the mode cannot make it unreadable
      await DirectoryAuthority.open(dir, 'andes');
      await chmod(privateFile(), 0o000);

      await expect(DirectoryAuthority.open(dir, 'andes')).rejects.toThrow(/private file .* cannot be read \(EACCES\)/);
    });
    it('should refuse a private file other users may read', async () => {
      await DirectoryAuthority.open(dir, 'andes');
      await chmod(privateFile(), 0o644);

      await expect(DirectoryAuthority.open(dir, 'andes')).rejects.toThrow(/other users \(mode 644\)/);
    });
  });

  describe('remove', () => {
    it('should keep a signed removal as the member latest entry, later than the one before', async () => {
      const authority = await DirectoryAuthority.open(dir, 'andes');
      const keys = await generateNodeKeys('PE');
      const [signingKey, encryptionKey] = [keys.publicKeys.signingKeys[0], keys.publicKeys.encryptionKeys[0]];
      if (!signingKey || !encryptionKey) throw new Error('no keys');
      const at = new Date('2026-01-01T00:00:00.000Z');
      await authority.issue(
        {
          country: 'PE',
          nodeId: 'pe-node-1',
          organisations: [],
          signingKey,
          encryptionKey,
          validFrom: at.toISOString(),
        },
        at,
      );

      const removal = await authority.remove('PE', at);

      expect(removal.entry.removedAt).toBe(at.toISOString());
      expect(Date.parse(removal.entry.issuedAt)).toBeGreaterThan(at.getTime());
      expect((await authority.issued('PE'))?.signed).toBe(removal.signed);
    });
  });
});
