import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNodeKeys } from '../keys/node-keys';
import { createTestMember, type TestMember } from '../testing/test-network.fixture';
import { FileMemberDirectory } from './file-member-directory';
import { InvalidMemberDirectoryError } from './invalid-member-directory.error';

describe(FileMemberDirectory, () => {
  let folder: string;
  let co: TestMember;
  let ec: TestMember;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'enlace-directory-'));
    [co, ec] = await Promise.all([createTestMember('CO'), createTestMember('EC')]);
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function directoryFile(name: string, content: unknown): Promise<string> {
    const path = join(folder, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }

  describe('load', () => {
    it('should read the network and its members', async () => {
      const path = await directoryFile('ok.json', { network: 'enlace-demo', members: [co.entry, ec.entry] });

      const directory = await FileMemberDirectory.load(path);

      expect(directory.network).toBe('enlace-demo');
      expect(directory.member('EC')).toEqual(ec.entry);
      expect(directory.member('BO')).toBeUndefined();
      expect(directory.members().map((member) => member.country)).toEqual(['CO', 'EC']);
    });

    it('should name a file it cannot read', async () => {
      const path = join(folder, 'missing.json');

      await expect(FileMemberDirectory.load(path)).rejects.toThrow(
        `Member directory ${path} is invalid: the file cannot be read`,
      );
    });

    it('should name a file that is not JSON', async () => {
      const path = await directoryFile('broken.json', '{ "network": ');

      await expect(FileMemberDirectory.load(path)).rejects.toThrow(`${path} is invalid: the file is not JSON`);
    });

    it('should name the file and the field of a member that is not well-formed', async () => {
      const path = await directoryFile('bad-member.json', {
        network: 'enlace-demo',
        members: [co.entry, { ...ec.entry, encryptionKeys: [] }],
      });

      const refusal = FileMemberDirectory.load(path);

      await expect(refusal).rejects.toBeInstanceOf(InvalidMemberDirectoryError);
      await expect(refusal).rejects.toThrow(
        `${path} is invalid: /members/1/encryptionKeys must NOT have fewer than 1 items`,
      );
    });

    it('should refuse a directory that publishes private key material', async () => {
      const { nodeKeys } = await generateNodeKeys('EC');
      const leaking = {
        ...ec.entry,
        signingKeys: [{ kid: nodeKeys.signing.kid, jwk: nodeKeys.signing.privateJwk }],
      };
      const path = await directoryFile('leaking.json', { network: 'enlace-demo', members: [leaking] });

      await expect(FileMemberDirectory.load(path)).rejects.toThrow(/holds private key material.*public keys only/);
    });

    it('should refuse a member listed twice', async () => {
      const path = await directoryFile('twice.json', { network: 'enlace-demo', members: [co.entry, co.entry] });

      await expect(FileMemberDirectory.load(path)).rejects.toThrow(/member CO is listed twice/);
    });

    it('should refuse an encryption key where a signing key is expected', async () => {
      const path = await directoryFile('swapped.json', {
        network: 'enlace-demo',
        members: [{ ...co.entry, signingKeys: co.entry.encryptionKeys }],
      });

      await expect(FileMemberDirectory.load(path)).rejects.toThrow(/\/members\/0\/signingKeys\/0\/jwk\/crv/);
    });
  });
});
