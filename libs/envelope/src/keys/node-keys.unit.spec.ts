import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { first } from '../testing/test-network.fixture';
import { InvalidNodeKeysError } from './invalid-node-keys.error';
import { generateNodeKeys, loadNodeKeys, saveNodeKeys } from './node-keys';

describe('node keys', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'enlace-node-keys-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  describe(generateNodeKeys, () => {
    it('should generate an Ed25519 signing key and an X25519 encryption key named by their thumbprints', async () => {
      const { nodeKeys, publicKeys } = await generateNodeKeys('CO');

      expect(nodeKeys.country).toBe('CO');
      expect(nodeKeys.signing.privateJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', d: expect.any(String) });
      expect(nodeKeys.encryption.privateJwk).toMatchObject({ kty: 'OKP', crv: 'X25519', d: expect.any(String) });
      const signing = first(publicKeys.signingKeys);
      const encryption = first(publicKeys.encryptionKeys);
      expect(signing.kid).toBe(nodeKeys.signing.kid);
      expect(encryption.kid).toBe(nodeKeys.encryption.kid);
      expect(signing.kid).toBe(await calculateJwkThumbprint(signing.jwk));
      expect(encryption.kid).toBe(await calculateJwkThumbprint(encryption.jwk));
    });

    it('should publish public keys only', async () => {
      const { publicKeys } = await generateNodeKeys('CO');

      expect(JSON.stringify(publicKeys)).not.toContain('"d"');
    });

    it('should give the public keys the validity asked for', async () => {
      const { publicKeys } = await generateNodeKeys('CO', { validFrom: '2025-01-01T00:00:00.000Z' });

      expect(publicKeys.signingKeys[0]).toMatchObject({ validFrom: '2025-01-01T00:00:00.000Z' });
      expect(publicKeys.signingKeys[0]).not.toHaveProperty('validUntil');
    });
  });

  describe(saveNodeKeys, () => {
    it('should write keys that load back unchanged, readable by the owner only', async () => {
      const { nodeKeys } = await generateNodeKeys('EC');
      const path = join(folder, 'ec.keys.json');

      await saveNodeKeys(path, nodeKeys);

      expect((await stat(path)).mode & 0o777).toBe(0o600);
      await expect(loadNodeKeys(path)).resolves.toEqual(nodeKeys);
    });

    it('should tighten the mode of a key file that already exists', async () => {
      const { nodeKeys } = await generateNodeKeys('EC');
      const path = join(folder, 'existing.keys.json');
      await writeFile(path, '{}', { mode: 0o644 });

      await saveNodeKeys(path, nodeKeys);

      expect((await stat(path)).mode & 0o777).toBe(0o600);
    });
  });

  describe(loadNodeKeys, () => {
    it('should name the file it cannot read', async () => {
      const path = join(folder, 'missing.keys.json');

      await expect(loadNodeKeys(path)).rejects.toThrow(`Node keys ${path} are invalid: the file cannot be read`);
    });

    it('should refuse good keys in a file other users may read, naming the mode', async () => {
      const { nodeKeys } = await generateNodeKeys('EC');
      const path = join(folder, 'shared.keys.json');
      await saveNodeKeys(path, nodeKeys);
      await chmod(path, 0o644);

      await expect(loadNodeKeys(path)).rejects.toThrow(/may be read or written by other users \(mode 644\)/);
    });

    it('should refuse a file that is not JSON without quoting it', async () => {
      const path = join(folder, 'broken.keys.json');
      await writeFile(path, '{"d": "secret-material"', { mode: 0o600 });

      const refusal = (await loadNodeKeys(path).catch((error: unknown) => error)) as Error;

      expect(refusal).toBeInstanceOf(InvalidNodeKeysError);
      expect(refusal.message).toContain(path);
      expect(refusal.message).not.toContain('secret-material');
    });

    it('should refuse public keys where private keys are expected', async () => {
      const { nodeKeys, publicKeys } = await generateNodeKeys('EC');
      const path = join(folder, 'public.keys.json');
      const withPublicSigning = {
        ...nodeKeys,
        signing: { kid: nodeKeys.signing.kid, privateJwk: first(publicKeys.signingKeys).jwk },
      };
      await writeFile(path, JSON.stringify(withPublicSigning), { mode: 0o600 });

      await expect(loadNodeKeys(path)).rejects.toThrow(/\/signing\/privateJwk must have required property 'd'/);
    });

    it('should refuse keys of the wrong curve', async () => {
      const { nodeKeys } = await generateNodeKeys('EC');
      const path = join(folder, 'swapped.keys.json');
      await writeFile(path, JSON.stringify({ ...nodeKeys, signing: nodeKeys.encryption }), { mode: 0o600 });

      await expect(loadNodeKeys(path)).rejects.toThrow(/\/signing\/privateJwk\/crv must be equal to constant/);
    });
  });
});
